// Entries whose only visible text sits outside title/description/summary: inline XHTML bodies, content:encoded,
// podcast summaries, Media RSS descriptions (YouTube channel feeds), Atom xhtml content. Each must yield its
// text, whole and in order, with no markup (and no script text) left in it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from './index.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/feeds/wide/${name}`, import.meta.url), 'utf8');
const parse = (name: string) => parseFeed(fixture(name), { baseUrl: 'https://example.org/feed', fetchedAt: new Date('2024-03-06T00:00:00Z') });

describe('feeds, wider: text wherever the entry keeps it', () => {
  it.each([
    ['rss-xhtml-body.xml', ['Customers report that the Widget overheats.']],
    ['rss-body-xmlns.xml', ['Les clients signalent une panne générale.']],
    ['rss-content-encoded-only.xml', ['A recall was announced today.']],
    ['podcast-itunes-summary.xml', ['Episode 1: the strike at the factory explained.']],
    ['rss-media-group.xml', ['Video: protest outside headquarters', 'Second video about the boycott']],
    ['youtube-channel.xml', ['Our answer — The CEO answers the questions about the data leak.']],
    ['atom-xhtml-content-only.xml', ['Service outage in Lyon.']],
  ])('%s', async (name, texts) => {
    const feed = await parse(name);
    expect(feed.mentions.map((m) => m.text)).toEqual(texts);
    for (const m of feed.mentions) {
      expect(m.text).not.toMatch(/[<>]/);
      expect(m.text).not.toMatch(/alert\(|evil\(|document\.write/);
    }
  });
});
