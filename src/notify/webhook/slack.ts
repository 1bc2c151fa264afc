/**
 * Slack incoming-webhook body: `text` (the notification line) plus Block Kit `blocks`.
 * Slack's mrkdwn treats & < > as control characters (`<url|label>`, `<!channel>`, `<@U123>`), so every
 * value is escaped: a mention cannot ping @channel or disguise a link. Limits from the Block Kit
 * reference: header 150 chars, section text 3000, field 2000, 10 fields, button label 75.
 */
import type { ChatCard, ChatItem } from './chat-card.js';
import { truncate } from '../i18n.js';

export interface SlackBody {
  text: string;
  blocks: Record<string, unknown>[];
}

const SEVERITY_EMOJI: Record<string, string> = {
  critical: ':red_circle:',
  high: ':large_orange_circle:',
  medium: ':large_yellow_circle:',
  low: ':white_circle:',
};

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped mrkdwn no longer than `max` once escaped (escaping lengthens the text, truncation comes first). */
function fitMrkdwn(raw: string, max: number): string {
  let budget = max;
  let escaped = escapeSlack(truncate(raw, budget));
  while (escaped.length > max && budget > 1) {
    budget = Math.floor(budget * 0.8);
    escaped = escapeSlack(truncate(raw, budget));
  }
  return escaped;
}

function slackLink(url: string, label: string): string {
  const target = url.replace(/&/g, '&amp;').replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  return `<${target}|${escapeSlack(label)}>`;
}

function mrkdwnSection(text: string): Record<string, unknown> {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function itemLine(item: ChatItem): string {
  const quoted = fitMrkdwn(item.text, 600).split('\n').map((line) => `>${line}`).join('\n');
  const meta = [item.meta ? `_${fitMrkdwn(item.meta, 100)}_` : null, item.url ? slackLink(item.url, truncate(item.url, 80)) : null];
  const metaLine = meta.filter(Boolean).join(' · ');
  return metaLine ? `${quoted}\n${metaLine}` : quoted;
}

export function renderSlack(card: ChatCard): SlackBody {
  const blocks: Record<string, unknown>[] = [];
  const emoji = card.severity ? `${SEVERITY_EMOJI[card.severity] ?? ''} ` : '';
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `${emoji}*${fitMrkdwn(card.band, 300)}*` }] });
  // plain_text is shown as is (no mrkdwn parsing), so the title needs no escaping.
  blocks.push({ type: 'header', text: { type: 'plain_text', text: truncate(card.title, 150), emoji: false } });
  if (card.note) blocks.push(mrkdwnSection(`*${fitMrkdwn(card.note, 2900)}*`));
  if (card.paragraphs.length > 0) blocks.push(mrkdwnSection(fitMrkdwn(card.paragraphs.join('\n\n'), 3000)));
  if (card.facts.length > 0) {
    blocks.push({
      type: 'section',
      fields: card.facts.slice(0, 10).map((fact) => ({ type: 'mrkdwn', text: `*${fitMrkdwn(fact.label, 100)}*\n${fitMrkdwn(fact.value, 1800)}` })),
    });
  }
  for (const section of card.sections) {
    const lines = [`*${fitMrkdwn(section.heading, 100)}*`];
    for (const item of section.items) {
      const line = itemLine(item);
      if (lines.join('\n').length + line.length + 1 > 3000) break;
      lines.push(line);
    }
    blocks.push(mrkdwnSection(lines.join('\n')));
  }
  if (card.links.length > 0) {
    blocks.push({
      type: 'actions',
      elements: card.links.map((link, index) => ({
        type: 'button',
        text: { type: 'plain_text', text: truncate(link.label, 75), emoji: false },
        url: link.url,
        action_id: `pilotfish_${link.role ?? `link_${index}`}`,
        ...(link.role === 'acknowledge' ? { style: 'primary' } : {}),
      })),
    });
  }
  return { text: escapeSlack(card.fallback), blocks };
}
