/**
 * Microsoft Teams body: a message carrying one Adaptive Card (schema 1.4), the format accepted by Teams
 * incoming webhooks and by the Workflows "post to a channel when a webhook request is received" flow.
 * TextBlocks render a Markdown subset; a mention could hide a link behind innocent words with
 * `[text](url)`, so the `](` sequence is broken with a zero-width space in every value.
 */
import type { ChatCard } from './chat-card.js';
import { truncate } from '../i18n.js';

export interface TeamsBody {
  type: 'message';
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: Record<string, unknown> }[];
}

const SEVERITY_COLOR: Record<string, string> = { critical: 'Attention', high: 'Attention', medium: 'Warning', low: 'Default' };
const MAX_PARAGRAPH = 2_000;
const MAX_PARAGRAPHS = 20;

/** Neutralises Markdown links and keeps line breaks (a single "\n" is collapsed by Teams). */
export function teamsText(value: string): string {
  return value.replace(/\]\s*\(/g, ']\u200b(').replace(/\r\n?/g, '\n').replace(/\n+/g, '\n\n');
}

function textBlock(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text: teamsText(text), wrap: true, ...extra };
}

function cardBody(card: ChatCard): Record<string, unknown>[] {
  const body: Record<string, unknown>[] = [
    textBlock(card.band, { size: 'Small', weight: 'Bolder', color: card.severity ? SEVERITY_COLOR[card.severity] : 'Accent' }),
    textBlock(card.title, { size: 'Large', weight: 'Bolder', spacing: 'None' }),
  ];
  if (card.note) body.push(textBlock(card.note, { color: 'Attention', weight: 'Bolder' }));
  for (const paragraph of card.paragraphs.slice(0, MAX_PARAGRAPHS)) body.push(textBlock(truncate(paragraph, MAX_PARAGRAPH)));
  if (card.facts.length > 0) {
    body.push({ type: 'FactSet', facts: card.facts.map((f) => ({ title: teamsText(f.label), value: teamsText(f.value) })) });
  }
  for (const section of card.sections) {
    body.push(textBlock(section.heading, { weight: 'Bolder', spacing: 'Medium' }));
    for (const item of section.items) {
      const meta = [item.meta, item.url].filter(Boolean).join(' · ');
      body.push({
        type: 'Container',
        style: 'emphasis',
        items: [textBlock(truncate(item.text, MAX_PARAGRAPH)), ...(meta ? [textBlock(meta, { isSubtle: true, size: 'Small', spacing: 'None' })] : [])],
      });
    }
  }
  return body;
}

export function renderTeams(card: ChatCard): TeamsBody {
  return {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.4',
        fallbackText: card.fallback,
        msteams: { width: 'Full' },
        body: cardBody(card),
        actions: card.links.map((link) => ({ type: 'Action.OpenUrl', title: link.label, url: link.url })),
      },
    }],
  };
}
