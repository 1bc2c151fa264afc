import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors.js';
import { cleanAudience, cleanContent, cleanTags, searchDocument, searchQuery, shareableTexts, type Content } from './content.js';

const base: Content = {
  title: '  Rappel de lots  ', body: 'Trois lots sont rappelés.', variants: {}, shareable: true, share_url: null, suggested_posts: [], tags: [],
  incident_id: null, alert_ids: [], audience: { all: true },
};

function fieldOfError(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.field;
    throw err;
  }
  return undefined;
}

describe('cleanContent', () => {
  it('trims text and removes duplicate alerts', () => {
    const c = cleanContent({ ...base, alert_ids: ['a', 'a', 'b'] });
    expect(c.title).toBe('Rappel de lots');
    expect(c.alert_ids).toEqual(['a', 'b']);
  });

  it.each<[Partial<Content>, string]>([
    [{ title: '   ' }, 'title'],
    [{ body: '' }, 'body'],
    [{ variants: { en: { title: 'Recall', body: ' ' } } }, 'variants.en.body'],
    [{ suggested_posts: [{ network: 'linkedin', text: 'x'.repeat(501) }] }, 'suggested_posts[0].text'],
    [{ suggested_posts: Array.from({ length: 6 }, () => ({ network: 'x', text: 'hi' })) }, 'suggested_posts'],
    [{ tags: ['ok', '  '] }, 'tags[1]'],
    [{ audience: { group_ids: [] } }, 'audience'],
  ])('refuses %j naming the field %s', (patch, field) => {
    expect(fieldOfError(() => cleanContent({ ...base, ...patch }))).toBe(field);
  });

  it('lower-cases suggested-post networks and keeps 500-character posts', () => {
    const c = cleanContent({ ...base, suggested_posts: [{ network: ' LinkedIn ', text: 'y'.repeat(500) }] });
    expect(c.suggested_posts).toEqual([{ network: 'linkedin', text: 'y'.repeat(500) }]);
  });
});

describe('tags and audience', () => {
  it('normalises tags: case, hash, duplicates', () => {
    expect(cleanTags(['Rappel', '#rappel', ' Produit '])).toEqual(['rappel', 'produit']);
  });
  it.each([
    [{ all: true }, { all: true }],
    [{ group_ids: ['g1', 'g1', 'g2'] }, { group_ids: ['g1', 'g2'] }],
    [{ all: true, group_ids: ['g1'] }, { group_ids: ['g1'] }],
  ])('audience %j → %j', (input, expected) => {
    expect(cleanAudience(input)).toEqual(expected);
  });
});

describe('shareable texts and search', () => {
  it('lists every public text with its field', () => {
    const texts = shareableTexts({ ...base, variants: { en: { title: 'Recall', body: 'Three batches' } }, suggested_posts: [{ network: 'x', text: 'Post' }] });
    expect(texts.map((t) => t.field)).toEqual(['title', 'body', 'variants.en.title', 'variants.en.body', 'suggested_posts[0].text']);
  });

  it('folds the search document like the query, so accents and case never matter', () => {
    const doc = searchDocument({ ...base, title: 'Grève à l’usine', tags: ['Social'] });
    expect(doc.titles).toBe('greve a l usine');
    expect(doc.bodies).toContain('rappeles');
    expect(doc.bodies).toContain('social');
    expect(searchQuery('GRÈVE usi')).toBe('greve & usi:*');
  });

  it.each(['', '   ', '!!! & | :*'])('has nothing to search in %j', (q) => {
    expect(searchQuery(q)).toBeNull();
  });

  it('never lets tsquery operators through', () => {
    expect(searchQuery("a&b|c:*!(d)'e")).toBe('a & b & c & d & e:*');
  });
});

describe('share_url', () => {
  it('keeps an http(s) address, empties to null, and names the field of anything else', () => {
    expect(cleanContent({ ...base, share_url: ' https://acme.example/statement ' }).share_url).toBe('https://acme.example/statement');
    expect(cleanContent({ ...base, share_url: '  ' }).share_url).toBeNull();
    expect(fieldOfError(() => cleanContent({ ...base, share_url: 'javascript:alert(1)' }))).toBe('share_url');
    expect(fieldOfError(() => cleanContent({ ...base, share_url: 'not a url' }))).toBe('share_url');
  });
});
