import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from './charset.js';
import { FeedParseError } from './errors.js';
import { parseFeed } from './parse.js';
import type { ParsedFeed, ParsedMention } from './parse.js';

const fixtures = new URL('../../../test/fixtures/feeds/', import.meta.url);
const fetchedAt = new Date('2024-06-01T00:00:00Z');

function fixture(name: string): string {
  return decodeFeedBytes(readFileSync(new URL(name, fixtures))).text;
}

async function parseFixture(name: string, baseUrl?: string): Promise<ParsedFeed> {
  return parseFeed(fixture(name), baseUrl === undefined ? { fetchedAt } : { fetchedAt, baseUrl });
}

async function parseError(xml: string): Promise<FeedParseError> {
  const outcome = await parseFeed(xml, { fetchedAt }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(outcome).toBeInstanceOf(FeedParseError);
  return outcome as FeedParseError;
}

function byTitle(feed: ParsedFeed, title: string): ParsedMention {
  const mention = feed.mentions.find((m) => m.title === title);
  if (!mention) throw new Error(`no mention titled ${title}`);
  return mention;
}

describe('parseFeed on fixtures', () => {
  it.each([
    ['rss091.xml', 'rss', 2, 'Panne géante chez ACME — Des milliers de clients privés de service depuis ce matin.'],
    ['rss092.xml', 'rss', 2, 'Tonight: the ACME recall, explained.'],
    ['rss-no-version.xml', 'rss', 1, 'Still an item'],
    ['rdf10.xml', 'rdf', 2, 'ACME opens a new plant — Two hundred jobs.'],
    ['atom10.xml', 'atom', 3, 'Nouvelle politique tarifaire — Les prix augmentent de 12 %.'],
    ['latin1.xml', 'rss', 1, "Grève à l'usine — Les employés réclament des garanties."],
    ['cp1252.xml', 'rss', 1, 'Hausse de 10 € — l’offre du cœur'],
    ['cp1252-undeclared.xml', 'rss', 1, 'Hausse de 10 € — l’offre du cœur'],
    ['sloppy-entities.xml', 'rss', 1, 'Café prices … up — Already & escaped inside CDATA'],
  ])('%s: %s with %i mentions', async (name, format, count, firstText) => {
    const feed = await parseFixture(name);
    expect(feed.format).toBe(format);
    expect(feed.mentions).toHaveLength(count);
    expect(feed.mentions[0]?.text).toBe(firstText);
  });

  it('RSS 2.0: HTML and CDATA become plain text, entities decoded, scripts dropped', async () => {
    const feed = await parseFixture('rss20.xml');
    expect(feed.title).toBe('Actualités & Veille');
    expect(byTitle(feed, 'L\'usine de Lyon & la grève').text).toBe("L'usine de Lyon & la grève — Les salariés bloquent l'entrée : voir.");
    expect(byTitle(feed, 'Rappel de produit').text).toBe('Rappel de produit — Un lot de yaourts est rappelé — ne pas consommer.');
    expect(byTitle(feed, 'Archive').text).toBe('Archive — Texte intégral seulement dans content:encoded.');
    for (const mention of feed.mentions) expect(mention.text).not.toMatch(/[<>]|&\w+;|track\(/);
  });

  it('RSS 2.0: ids fall back from guid to link to a content hash', async () => {
    const feed = await parseFixture('rss20.xml');
    expect(byTitle(feed, 'L\'usine de Lyon & la grève').external_id).toBe('urn:example:item-1');
    expect(byTitle(feed, 'Rappel de produit').external_id).toBe('https://www.example.fr/articles/2');
    expect(byTitle(feed, 'Communiqué sans lien').external_id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(new Set(feed.mentions.map((m) => m.external_id)).size).toBe(feed.mentions.length);
  });

  it('RSS 2.0: a reused guid keeps entries apart, an exact repeat and an empty item are skipped', async () => {
    const feed = await parseFixture('rss20.xml');
    expect(byTitle(feed, 'Doublon A').external_id).toBe('same-guid');
    expect(byTitle(feed, 'Doublon B').external_id).toMatch(/^same-guid#[0-9a-f]{16}$/);
    expect(feed.mentions.filter((m) => m.title === 'Doublon A')).toHaveLength(1);
    expect(feed.skipped).toBe(2);
  });

  it('RSS 2.0: links are made absolute; a permalink guid stands in for a missing link; javascript: is dropped', async () => {
    const feed = await parseFixture('rss20.xml');
    expect(byTitle(feed, 'Rappel de produit').url).toBe('https://www.example.fr/articles/2');
    expect(byTitle(feed, 'Annonce future').url).toBe('https://www.example.fr/annonces/42');
    expect(byTitle(feed, 'Lien javascript').url).toBeNull();
    const fromFeedUrl = await parseFixture('rss20.xml', 'https://mirror.example.net/feeds/news.xml');
    expect(byTitle(fromFeedUrl, 'Rappel de produit').url).toBe('https://mirror.example.net/articles/2');
  });

  it('RSS 2.0: dates are converted to UTC; missing, unreadable, future and ancient ones become the fetch time', async () => {
    const feed = await parseFixture('rss20.xml');
    expect(byTitle(feed, 'L\'usine de Lyon & la grève')).toMatchObject({ published_at: '2024-03-04T09:00:00.000Z', date_estimated: false });
    expect(byTitle(feed, 'Rappel de produit').published_at).toBe('2024-03-05T07:30:00.000Z');
    for (const title of ['Communiqué sans lien', 'Annonce future', 'Archive', 'Doublon A']) {
      expect(byTitle(feed, title)).toMatchObject({ published_at: fetchedAt.toISOString(), date_estimated: true });
    }
  });

  it('RSS 2.0: authors come from dc:creator or the name in "email (Name)"', async () => {
    const feed = await parseFixture('rss20.xml');
    expect(byTitle(feed, 'L\'usine de Lyon & la grève').author).toBe('Marie Dupont');
    expect(byTitle(feed, 'Rappel de produit').author).toBe('Service presse');
    expect(byTitle(feed, 'Archive').author).toBeNull();
  });

  it('an undated entry keeps the same id whatever the fetch time', async () => {
    const xml = fixture('rss20.xml');
    const first = await parseFeed(xml, { fetchedAt });
    const later = await parseFeed(xml, { fetchedAt: new Date('2024-07-01T00:00:00Z') });
    expect(later.mentions.map((m) => m.external_id)).toEqual(first.mentions.map((m) => m.external_id));
  });

  it('Atom: xml:base, alternate links, html and xhtml text in order, inherited author, bad dates', async () => {
    const feed = await parseFixture('atom10.xml');
    expect(feed).toMatchObject({ title: 'Le blog ACME', link: 'https://blog.example.org/' });
    const [first, second, third] = feed.mentions;
    expect(first).toMatchObject({ url: 'https://blog.example.org/posts/1', author: 'Équipe Blog', published_at: '2024-03-05T09:00:00.000Z', title: 'Nouvelle politique tarifaire' });
    expect(second).toMatchObject({ url: 'https://other.example.org/sub/page', author: 'Jean Martin', text: 'Réponse aux clients — Nous avons entendu vos remarques.' });
    expect(third).toMatchObject({ external_id: 'tag:blog.example.org,2024:3', url: 'https://blog.example.org/posts/3', date_estimated: true, text: 'Date illisible — Un texte brut avec a < b.' });
  });

  it('RDF: rdf:about is the id, dc:date the date, dc:creator the author', async () => {
    const feed = await parseFixture('rdf10.xml');
    expect(feed.mentions[0]).toMatchObject({ external_id: 'https://rdf.example.net/news/1', published_at: '2024-02-01T08:00:00.000Z', author: 'Alex Smith' });
    expect(feed.mentions[1]?.published_at).toBe('2024-02-02T00:00:00.000Z');
  });

  it.each([['<rss version="2.0"><channel/></rss>'], ['<rss version="2.0"><channel></channel></rss>'], ['<feed xmlns="http://www.w3.org/2005/Atom"/>']])(
    'an empty feed is a feed with no mentions: %s',
    async (xml) => {
      expect((await parseFeed(xml, { fetchedAt })).mentions).toEqual([]);
    },
  );

  it('caps the text of a very long entry', async () => {
    const long = 'mot '.repeat(5000);
    const feed = await parseFeed(`<rss version="2.0"><channel><title>t</title><item><title>Long</title><description>${long}</description></item></channel></rss>`, { fetchedAt });
    expect(feed.mentions[0]?.text.length).toBeLessThanOrEqual(4000);
    expect(feed.mentions[0]?.text.endsWith('…')).toBe(true);
  });
});

describe('parseFeed failures', () => {
  it.each([
    ['empty.xml', 'empty', /empty/],
    ['whitespace.xml', 'empty', /empty/],
    ['html-page.html', 'not_a_feed', /HTML page.*\/feed\.xml/],
    ['sitemap.xml', 'not_a_feed', /<urlset>/],
    ['truncated.xml', 'malformed', /line 12.*truncated/],
  ])('%s → %s', async (name, code, message) => {
    const err = await parseError(fixture(name));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(/\n/);
  });

  it.each([
    ['plain text', 'Service Unavailable', 'not_a_feed'],
    ['JSON', '{"error": "nope"}', 'not_a_feed'],
    ['a JSON Feed', '{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'not_a_feed'],
    ['XHTML without doctype', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'not_a_feed'],
    ['an RSS root without channel', '<rss version="2.0"></rss>', 'malformed'],
    ['only a declaration', '<?xml version="1.0"?>', 'malformed'],
    ['mismatched tags', '<rss version="2.0"><channel><title>x</item></channel></rss>', 'malformed'],
  ])('%s', async (_name, xml, code) => {
    const outcome = await parseFeed(xml, { fetchedAt }).catch((err: unknown) => err);
    expect(outcome).toBeInstanceOf(FeedParseError);
    expect((outcome as FeedParseError).code).toBe(code);
    expect((outcome as Error).message).not.toMatch(/\n|Cannot read properties/);
  });

  it('never expands external entities (XXE)', async () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>t</title><item><title>a &x; b</title></item></channel></rss>';
    const feed = await parseFeed(xml, { fetchedAt });
    expect(feed.mentions[0]?.text).toBe('a &x; b');
  });

  it('every truncation of a valid feed either parses or fails with a readable FeedParseError', async () => {
    const xml = fixture('rss20.xml');
    for (let length = 0; length < xml.length; length += 23) {
      const outcome = await parseFeed(xml.slice(0, length), { fetchedAt }).catch((err: unknown) => err);
      if (outcome instanceof Error) {
        expect(outcome).toBeInstanceOf(FeedParseError);
        expect(outcome.message).not.toMatch(/\n/);
      }
    }
  });

  it('parses a huge document and keeps at most maxItems mentions', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => `<item><title>Item ${i}</title><link>https://huge.example.com/${i}</link><description>&lt;p&gt;Body ${i}&lt;/p&gt;</description></item>`);
    const xml = `<rss version="2.0"><channel><title>Huge</title>${items.join('')}</channel></rss>`;
    expect(xml.length).toBeGreaterThan(2_000_000);
    const feed = await parseFeed(xml, { fetchedAt, maxItems: 5000 });
    expect(feed.mentions).toHaveLength(5000);
    expect(feed.skipped).toBe(15_000);
    expect(feed.mentions[4999]?.text).toBe('Item 4999 — Body 4999');
  });
});
