import { describe, expect, it } from 'vitest';
import { parsePointer, resolvePointer } from '../json/pointer.js';
import { catchUp, type ListingPage } from './catch-up.js';
import { exhaustedFor, readRateLimit } from './rate-limit.js';

describe('JSON pointer (RFC 6901)', () => {
  const doc = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'm~n': 8, deep: { list: [{ id: 7 }] } };
  it.each([
    ['', doc], ['/foo', ['bar', 'baz']], ['/foo/0', 'bar'], ['/', 0], ['/a~1b', 1], ['/m~0n', 8], ['/deep/list/0/id', 7],
    ['/foo/2', undefined], ['/foo/01', undefined], ['/nope/x', undefined],
  ])('%s resolves', (pointer, value) => {
    expect(resolvePointer(doc, parsePointer(pointer))).toEqual(value);
  });
  it.each(['foo', '/a~2', '/a~'])('refuses %s', (pointer) => expect(() => parsePointer(pointer)).toThrow());
});

describe('rate-limit headers', () => {
  const now = Date.UTC(2026, 0, 1);
  it.each([
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '120' }, { remaining: 0, resetSeconds: 120 }, 120],
    [{ 'x-ratelimit-remaining': '5.0', 'x-ratelimit-reset': '30' }, { remaining: 5, resetSeconds: 30 }, null],
    [{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 90) }, { remaining: 0, resetSeconds: 90 }, 90],
    [{ 'x-ratelimit-remaining': '0' }, { remaining: 0, resetSeconds: null }, 60],
    [{}, { remaining: null, resetSeconds: null }, null],
    [{ 'x-ratelimit-remaining': 'lots' }, { remaining: null, resetSeconds: null }, null],
  ])('%o', (headers, limit, wait) => {
    expect(readRateLimit(headers, now)).toEqual(limit);
    expect(exhaustedFor(readRateLimit(headers, now))).toBe(wait);
  });
});

describe('newest-first catch-up', () => {
  const mention = (at: number) => ({ at, mention: { external_id: String(at), text: `t${at}`, author: null, url: null, published_at: new Date(at * 1000), lang: null } });
  // A listing of items 1..n, newest first, `size` a page, the token being the offset.
  const listing = (items: number[], size = 2) => async (token: string | null): Promise<ListingPage> => {
    const sorted = [...items].sort((a, b) => b - a);
    const start = Number(token ?? 0);
    return { items: sorted.slice(start, start + size).map(mention), next: start + size < sorted.length ? String(start + size) : null };
  };
  const ids = (r: { mentions: { external_id: string }[] }) => r.mentions.map((m) => Number(m.external_id));

  it('first poll reads one page and starts from its newest item', async () => {
    const r = await catchUp(listing([1, 2, 3, 4, 5]), { since: null }, { maxPages: 5, firstPollPages: 1 });
    expect(ids(r)).toEqual([5, 4]);
    expect(r).toMatchObject({ caughtUp: true, cursor: { since: 5 } });
  });

  it('stops at the cursor, and resumes a long backlog on the next tick without a gap', async () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const first = await catchUp(listing(items), { since: 3 }, { maxPages: 2, firstPollPages: 1 });
    expect(ids(first)).toEqual([11, 10, 9, 8]);
    expect(first).toMatchObject({ caughtUp: false, cursor: { since: 3, backlog: { token: '4', upper: 11 } } });
    items.push(12); // a new item arrives meanwhile: it shifts the pages, which repeats one item, never skips one
    const second = await catchUp(listing(items), first.cursor, { maxPages: 2, firstPollPages: 1 });
    expect(ids(second)).toEqual([8, 7, 6, 5]);
    const third = await catchUp(listing(items), second.cursor, { maxPages: 2, firstPollPages: 1 });
    expect(ids(third)).toEqual([4, 3]);
    expect(third).toMatchObject({ caughtUp: true, cursor: { since: 11 } });
    const fourth = await catchUp(listing(items), third.cursor, { maxPages: 2, firstPollPages: 1 });
    expect(ids(fourth)).toEqual([12, 11]);
  });

  it('pauses when the rate-limit budget is spent', async () => {
    const read = async (): Promise<ListingPage> => ({ items: [mention(9), mention(8)], next: 'x', rateLimit: { remaining: 0, resetSeconds: 30 } });
    const r = await catchUp(read, { since: 1 }, { maxPages: 5, firstPollPages: 1 });
    expect(r).toMatchObject({ caughtUp: false, pauseSeconds: 30, cursor: { since: 1, backlog: { token: 'x', upper: 9 } } });
  });
});
