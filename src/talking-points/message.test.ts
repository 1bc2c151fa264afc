import { describe, expect, it } from 'vitest';
import { renderTalkingPointEmail } from '../notify/email/templates.js';
import { signalLink } from './distribution.js';
import { buildMessage, talkingPointUrl } from './message.js';

const point = {
  id: 'tp-2', version: 2, title: 'Rappel de trois lots', body: 'Par précaution, trois lots sont rappelés.',
  variants: { en: { title: 'Three batches recalled', body: 'As a precaution, three batches are recalled.' } },
  shareable: true, suggested_posts: [{ network: 'linkedin', text: 'Three batches recalled: details on our site.' }],
};
const context = { baseUrl: 'https://pf.example/', supersedes: 'tp-1', incidentTitle: 'Rappel mars' };

describe('buildMessage', () => {
  it('uses the variant in the recipient language when there is one', () => {
    expect(buildMessage(point, 'en', context)).toMatchObject({ title: 'Three batches recalled', body: 'As a precaution, three batches are recalled.', lang: 'en' });
  });

  it('falls back to the main text', () => {
    expect(buildMessage(point, 'fr', context)).toMatchObject({ title: 'Rappel de trois lots', lang: 'fr' });
  });

  it('links to the point in the web app and says what it replaces', () => {
    const msg = buildMessage(point, 'fr', context);
    expect(msg.url).toBe('https://pf.example/#/talking-points/tp-2');
    expect(msg).toMatchObject({ supersedes: 'tp-1', incidentTitle: 'Rappel mars', version: 2 });
    expect(renderTalkingPointEmail(msg, 'fr').subject).toContain('v2');
  });

  it('carries suggested posts only for shareable points', () => {
    expect(buildMessage(point, 'en', context).suggestedPosts).toHaveLength(1);
    expect(buildMessage({ ...point, shareable: false }, 'en', context).suggestedPosts).toBeUndefined();
  });

  it('builds URLs without a doubled slash', () => {
    expect(talkingPointUrl('http://localhost:3000', 'x')).toBe('http://localhost:3000/#/talking-points/x');
  });
});

describe('signalLink (which signals flag an ambassador first)', () => {
  const opened = new Date('2025-03-03T12:00:00Z');
  it('collects the watchlists, sample mentions and a look-back before the first alert', () => {
    const link = signalLink([
      { id: 'a1', watchlist_id: 'w1', opened_at: opened, explanation: { sample_mention_ids: ['12', '13', 'junk'] } },
      { id: 'a2', watchlist_id: 'w1', opened_at: new Date(opened.getTime() + 3600_000), explanation: { sample_mention_ids: ['13'] } },
      { id: 'a3', watchlist_id: null, opened_at: new Date(opened.getTime() + 7200_000), explanation: {} },
    ]);
    expect(link).toEqual({ watchlistIds: ['w1'], mentionIds: [12, 13], since: new Date(opened.getTime() - 72 * 3600_000) });
  });

  it('flags nobody when the point is about no alert', () => {
    expect(signalLink([])).toBeNull();
  });
});
