// Hacker News through the Algolia search API (https://hn.algolia.com/api): `search_by_date` lists the newest
// stories and comments matching a query; `numericFilters=created_at_i>…` asks only for what is new since the
// cursor, `page`/`nbPages` page down until caught up. Comments and story texts are HTML: stored as plain text.
import type { PollConnector, PollContext } from '../poll/connector.js';
import { lagOf, readCursor } from '../poll/connector.js';
import { catchUp, type ListingCursor, type ListingPage, type TimedMention } from '../poll/catch-up.js';
import { PollError } from '../poll/errors.js';
import { isObject, plainText, reachOf, toMention } from '../poll/mention.js';

export const HN_DEFAULT_URL = 'https://hn.algolia.com/api/v1';
export const HN_HITS_PER_PAGE = 100;
export const HN_TAGS = { both: '(story,comment)', story: 'story', comment: 'comment' } as const;
export type HnTags = keyof typeof HN_TAGS;

export interface HnConfig { query: string; tags?: HnTags }

function hitToMention(hit: unknown, now: Date): TimedMention | null {
  if (!isObject(hit)) return null;
  const isComment = typeof hit.comment_text === 'string';
  const title = typeof hit.title === 'string' ? hit.title : typeof hit.story_title === 'string' && !isComment ? hit.story_title : '';
  const body = isComment ? (hit.comment_text as string) : typeof hit.story_text === 'string' ? hit.story_text : '';
  const text = [plainText(title), plainText(body)].filter(Boolean).join('\n\n');
  const id = hit.objectID;
  const at = typeof hit.created_at_i === 'number' ? new Date(hit.created_at_i * 1000) : typeof hit.created_at === 'string' ? new Date(hit.created_at) : null;
  return toMention({
    id, text, author: hit.author, url: typeof id === 'string' || typeof id === 'number' ? `https://news.ycombinator.com/item?id=${encodeURIComponent(String(id))}` : null,
    publishedAt: at && !Number.isNaN(at.getTime()) ? at : null,
    reach: reachOf('hackernews', { likes: hit.points, replies: isComment ? null : hit.num_comments }),
  }, now);
}

export function parseSearchPage(json: unknown, host: string, now: Date): { items: TimedMention[]; page: number; nbPages: number; skipped: number } {
  if (!isObject(json) || !Array.isArray(json.hits)) throw new PollError('malformed', `unexpected answer from ${host}: no "hits" list`);
  const items: TimedMention[] = [];
  let skipped = 0;
  for (const hit of json.hits) {
    const m = hitToMention(hit, now);
    if (m) items.push(m);
    else skipped += 1;
  }
  const page = typeof json.page === 'number' ? json.page : 0;
  const nbPages = typeof json.nbPages === 'number' ? json.nbPages : page + 1;
  return { items, page, nbPages, skipped };
}

export const hackerNewsConnector: PollConnector = async (ctx: PollContext) => {
  const cfg = ctx.source.config as unknown as HnConfig;
  const base = (ctx.source.url ?? HN_DEFAULT_URL).replace(/\/+$/, '');
  const cursor = readCursor<ListingCursor>(ctx.source.cursor, { since: null });
  let skipped = 0;
  const read = async (token: string | null, since: number | null): Promise<ListingPage> => {
    const params = new URLSearchParams({ query: cfg.query, tags: HN_TAGS[cfg.tags ?? 'both'], hitsPerPage: String(HN_HITS_PER_PAGE), page: token ?? '0' });
    // Items of the cursor's own second are asked again (ingest deduplicates): none is lost to a tie.
    if (since !== null) params.set('numericFilters', `created_at_i>${since - 1}`);
    const url = `${base}/search_by_date?${params}`;
    const answer = await ctx.http(url);
    const page = parseSearchPage(answer.json, new URL(url).host, ctx.now);
    skipped += page.skipped;
    return { items: page.items, next: page.page + 1 < page.nbPages ? String(page.page + 1) : null, rateLimit: answer.rateLimit };
  };
  const result = await catchUp(read, cursor, { maxPages: ctx.maxPages, firstPollPages: 1 });
  return {
    mentions: result.mentions, cursor: JSON.stringify(result.cursor), caughtUp: result.caughtUp, pauseSeconds: result.pauseSeconds,
    newestAt: result.newest === null ? null : new Date(result.newest * 1000), lagSeconds: lagOf(result.cursor.since, result.caughtUp, ctx.now), skipped,
  };
};
