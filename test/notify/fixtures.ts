/** Builders for notifier tests: a realistic alert and talking point, overridable field by field. */
import type { AlertMessage, TalkingPointMessage } from '../../src/notify/types.js';

export function alertMessage(overrides: Partial<AlertMessage> = {}): AlertMessage {
  return {
    id: 'alert-1',
    watchlistName: 'Marque X',
    kind: 'volume_spike',
    severity: 'critical',
    status: 'open',
    openedAt: '2025-03-03T14:05:00Z',
    stepIndex: 0,
    escalated: false,
    explanation: {
      summary: 'Volume well above the usual level for this hour.',
      observed: 120,
      expected: 29.6,
      factor: 4.05,
      window: { start: '2025-03-03T14:00:00Z', end: '2025-03-03T14:15:00Z' },
      top_terms: ['rappel', 'intoxication'],
      sample_mention_ids: ['m-1', 'm-2'],
    },
    samples: [
      { text: 'Rappel massif des yaourts Marque X, plusieurs intoxications', url: 'https://news.example/article?id=1&src=rss', author: 'journaliste' },
      { text: 'Anyone else sick after Brand X yoghurt?', url: null, author: null },
    ],
    alertUrl: 'https://pilotfish.example/alerts/alert-1',
    ackUrl: 'https://pilotfish.example/alerts/alert-1/ack',
    ...overrides,
  };
}

export function talkingPointMessage(overrides: Partial<TalkingPointMessage> = {}): TalkingPointMessage {
  return {
    id: 'tp-1',
    version: 1,
    title: 'Rappel de lots de yaourts',
    body: 'Par précaution, Marque X rappelle trois lots.\nAucun autre produit n’est concerné.\n\nLes clients sont remboursés en magasin.',
    lang: 'fr',
    shareable: true,
    suggestedPosts: [{ network: 'LinkedIn', text: 'Marque X rappelle trois lots par précaution. Détails : https://brand.example/rappel' }],
    url: 'https://pilotfish.example/talking-points/tp-1',
    supersedes: null,
    incidentTitle: 'Rappel produit mars 2025',
    ...overrides,
  };
}

/** Hostile text as it may arrive in a mention: markup, attribute breaking, Slack and Markdown tricks. */
export const HOSTILE_TEXT = 'Boom <script>alert(1)</script> <img src=x " onerror="alert(2)"> <!channel> & [click](https://evil.example)';
