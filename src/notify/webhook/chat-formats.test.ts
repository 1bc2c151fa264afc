import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXT, alertMessage, talkingPointMessage } from '../../../test/notify/fixtures.js';
import type { NotifyEvent } from '../types.js';
import { renderWebhookBody } from './body.js';
import { buildChatCard } from './chat-card.js';
import { renderSlack } from './slack.js';
import { renderTeams } from './teams.js';

const NBSP = '\u00a0';

function event(type: string, data: unknown): NotifyEvent {
  return { type, id: 'evt-1', at: '2025-03-03T14:05:01Z', data };
}

type Block = { type: string; text?: { type: string; text: string }; fields?: { text: string }[]; elements?: Record<string, unknown>[] };

function slackBlocks(e: NotifyEvent, lang: 'fr' | 'en' = 'en'): { text: string; blocks: Block[] } {
  return JSON.parse(renderWebhookBody(e, 'slack', lang)) as { text: string; blocks: Block[] };
}

function allSlackText(body: { text: string; blocks: Block[] }): string {
  return JSON.stringify(body);
}

describe('Slack body', () => {
  it('is an incoming-webhook message: fallback text plus blocks, in the requested language', () => {
    const fr = slackBlocks(event('alert.raised', alertMessage()), 'fr');
    expect(fr.text).toBe(`[Pilotfish] CRITIQUE — Pic de volume sur «${NBSP}Marque X${NBSP}»`);
    const header = fr.blocks.find((b) => b.type === 'header');
    expect(header?.text).toEqual({ type: 'plain_text', text: `Pic de volume sur «${NBSP}Marque X${NBSP}»`, emoji: false });
    const fields = fr.blocks.find((b) => b.fields)?.fields?.map((f) => f.text) ?? [];
    expect(fields).toContain('*Observé*\n120');
    expect(fields).toContain('*Attendu*\n29,6');
    expect(fields).toContain('*Facteur*\n×4,1');
  });

  it('has link buttons to acknowledge and open the alert', () => {
    const body = slackBlocks(event('alert.raised', alertMessage()));
    const actions = body.blocks.find((b) => b.type === 'actions');
    expect(actions?.elements).toEqual([
      expect.objectContaining({ type: 'button', url: 'https://pilotfish.example/alerts/alert-1/ack', style: 'primary' }),
      expect.objectContaining({ type: 'button', url: 'https://pilotfish.example/alerts/alert-1' }),
    ]);
  });

  it('escapes & < > so a mention can neither ping the channel nor fake a link', () => {
    const body = slackBlocks(event('alert.raised', alertMessage({
      watchlistName: 'A&B <!here>',
      samples: [{ text: `${HOSTILE_TEXT} <https://evil.example|Acknowledge>`, url: 'https://x.example/?a=1&b=<2>', author: '<@U123>' }],
    })));
    const mrkdwn = body.blocks.flatMap((b) => [b.text?.type === 'mrkdwn' ? b.text.text : '', ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) => (e.type === 'mrkdwn' ? String(e.text) : ''))]).join('\n') + body.text;
    expect(mrkdwn).not.toMatch(/<!here>|<!channel>|<@U123>|<https:\/\/evil/);
    expect(mrkdwn).toContain('&lt;!channel&gt;');
    expect(mrkdwn).toContain('A&amp;B &lt;!here&gt;');
    // The only raw "<" left is our own link to the sample, its URL percent-encoded.
    const links = mrkdwn.match(/<[^>]*>/g) ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^<https:\/\/x\.example\/\?a=1&amp;b=%3C2%3E\|/);
  });

  it('stays within Block Kit limits for huge texts', () => {
    const long = 'x'.repeat(10_000);
    const body = slackBlocks(event('talking_point.published', talkingPointMessage({ title: long, body: `${long}&`.repeat(3) })));
    const header = body.blocks.find((b) => b.type === 'header');
    expect(header?.text?.text.length).toBeLessThanOrEqual(150);
    for (const block of body.blocks) {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    }
  });

  it('renders a talking point with its confirmation link and suggested posts', () => {
    const body = slackBlocks(event('talking_point.published', talkingPointMessage({ version: 2, supersedes: 'tp-0' })), 'fr');
    expect(body.text).toBe(`[Pilotfish] Élément de langage${NBSP}: Rappel de lots de yaourts (v2, nouvelle version)`);
    const text = allSlackText(body);
    expect(text).toContain('Cette version remplace la précédente.');
    expect(text).toContain('LinkedIn');
    expect(text).toContain('https://pilotfish.example/talking-points/tp-1');
  });

  it('drops the acknowledge button once the alert is acknowledged', () => {
    const body = slackBlocks(event('alert.acknowledged', alertMessage({ status: 'acknowledged' })));
    expect(body.text).toBe('[Pilotfish] Alert acknowledged — Volume spike on "Marque X"');
    expect(allSlackText(body)).not.toContain('/ack');
  });
});

type TeamsCard = { type: string; version: string; body: Record<string, unknown>[]; actions: { type: string; title: string; url: string }[] };

function teamsCard(e: NotifyEvent, lang: 'fr' | 'en' = 'en'): { outer: Record<string, unknown>; card: TeamsCard } {
  const outer = JSON.parse(renderWebhookBody(e, 'teams', lang)) as { type: string; attachments: { contentType: string; content: TeamsCard }[] };
  const [attachment] = outer.attachments;
  if (!attachment) throw new Error('no attachment');
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  return { outer, card: attachment.content };
}

describe('Teams body', () => {
  it('is a message with one Adaptive Card', () => {
    const { outer, card } = teamsCard(event('alert.escalated', alertMessage({ escalated: true, stepIndex: 1 })), 'fr');
    expect(outer.type).toBe('message');
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.4');
    const texts = card.body.filter((b) => b.type === 'TextBlock').map((b) => b.text);
    expect(texts).toContain(`CRITIQUE — Escalade (étape${NBSP}2)`);
    expect(texts).toContain(`Pic de volume sur «${NBSP}Marque X${NBSP}»`);
    const factSet = card.body.find((b) => b.type === 'FactSet') as { facts: { title: string; value: string }[] };
    expect(factSet.facts).toContainEqual({ title: 'Observé', value: '120' });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Prendre en charge', url: 'https://pilotfish.example/alerts/alert-1/ack' },
      { type: 'Action.OpenUrl', title: 'Voir l’alerte', url: 'https://pilotfish.example/alerts/alert-1' },
    ]);
  });

  it('breaks Markdown links in untrusted text and never makes javascript: clickable', () => {
    const { card } = teamsCard(event('alert.raised', alertMessage({ samples: [{ text: HOSTILE_TEXT, url: 'javascript:alert(1)', author: null }] })));
    const json = JSON.stringify(card);
    expect(json).not.toContain('](https://evil.example)');
    expect(json).toContain('[click]\u200b(https://evil.example)');
    expect(json).not.toContain('javascript:');
  });
});

describe('chat cards from other event shapes', () => {
  it('reads the API alert shape (snake_case, no samples) without failing', () => {
    const card = buildChatCard(event('alert.raised', {
      id: 'a9', watchlist_id: 'wl-7', kind: 'risk_burst', severity: 'high', status: 'open', opened_at: '2025-03-03T14:05:00Z',
      explanation: { summary: 'boycott trending', observed: 12, expected: 2, factor: 6, window: { start: '2025-03-03T14:00:00Z', end: '2025-03-03T14:05:00Z' }, top_terms: ['boycott'], sample_mention_ids: [] },
    }), 'en');
    expect(card.title).toBe('Risk-term burst on "wl-7"');
    expect(card.facts.map((f) => f.label)).toEqual(['Severity', 'Status', 'Observed', 'Expected', 'Factor', 'Window', 'Opened', 'Top terms']);
    expect(card.links).toEqual([]);
  });

  it('leaves out facts an event does not carry', () => {
    const card = buildChatCard(event('alert.resolved', { id: 'a1', kind: 'volume_spike', severity: 'low', status: 'resolved' }), 'fr');
    expect(card.band).toBe('Alerte résolue');
    expect(card.facts.map((f) => f.label)).toEqual(['Gravité', 'Statut']);
  });

  it('renders an ambassador signal and keeps only http(s) links', () => {
    const card = buildChatCard(event('signal.reported', { id: 's1', text: 'Vidéo virale sur TikTok', url: 'https://tiktok.example/v/1', channel: 'tiktok', severity: 'high' }), 'fr');
    expect(card.band).toBe('Signal d’ambassadeur — ÉLEVÉE');
    expect(card.links).toEqual([{ label: 'Ouvrir le lien', url: 'https://tiktok.example/v/1' }]);
    const unsafe = buildChatCard(event('signal.reported', { id: 's2', text: 'x', url: 'javascript:alert(1)' }), 'fr');
    expect(unsafe.links).toEqual([]);
  });

  it('falls back to a generic card for an unknown event', () => {
    const card = buildChatCard(event('something.new', { whatever: true }), 'en');
    expect(card.fallback).toBe('[Pilotfish] Event: something.new');
    expect(renderSlack(card).blocks.length).toBeGreaterThan(0);
    expect(renderTeams(card).attachments).toHaveLength(1);
  });
});

describe('json body', () => {
  it('is the event envelope itself', () => {
    const e = event('alert.raised', { id: 'a1', nested: { ok: true } });
    expect(JSON.parse(renderWebhookBody(e, 'json', 'fr'))).toEqual(e);
  });
});
