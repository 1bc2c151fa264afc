// Reddit: the newest posts matching a search (/search, or /r/a+b/search restricted to the subreddits) and,
// when subreddits are given, their newest comments (/r/a+b/comments, kept when they contain a query term).
// With client_id/client_secret it authenticates (OAuth client credentials at <url>/api/v1/access_token, then
// the API host, 100 items a page); without, it reads the public .json endpoints with a descriptive User-Agent
// and their lower limits (25 items a page, fewer pages a tick). Both honour x-ratelimit-* headers.
import type { PollConnector, PollContext } from '../poll/connector.js';
import { lagOf, readCursor } from '../poll/connector.js';
import { catchUp, type CatchUpResult, type ListingCursor, type ListingPage } from '../poll/catch-up.js';
import { PollError } from '../poll/errors.js';
import { isObject } from '../poll/mention.js';
import { REDDIT_WEB, matchesQuery, parseListing, queryTerms } from './listing.js';

export const REDDIT_API = 'https://oauth.reddit.com';
export const PUBLIC_PAGE_SIZE = 25;
export const OAUTH_PAGE_SIZE = 100;
export const PUBLIC_MAX_PAGES = 2;

export interface RedditConfig { query: string; subreddits?: string[]; client_id?: string; api_url?: string; user_agent?: string; comments?: boolean }
interface RedditCursor { posts: ListingCursor; comments: ListingCursor }

interface Token { value: string; expiresAt: number }
// Access tokens live a day; kept in memory per source and client id (never stored, never logged).
const tokens = new Map<string, Token>();

async function accessToken(ctx: PollContext, base: string, clientId: string, secret: string): Promise<string> {
  const key = `${ctx.source.id}:${clientId}`;
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > ctx.now.getTime() + 60_000) return cached.value;
  const answer = await ctx.http(`${base}/api/v1/access_token`, {
    method: 'POST', body: 'grant_type=client_credentials',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
  });
  const json = answer.json;
  if (!isObject(json) || typeof json.access_token !== 'string') {
    const reason = isObject(json) && typeof json.error === 'string' ? json.error : 'no access_token';
    throw new PollError('auth', `Reddit refused the client credentials (${reason}); check client_id and client_secret, then re-enable the source`);
  }
  const ttl = typeof json.expires_in === 'number' ? json.expires_in : 3600;
  tokens.set(key, { value: json.access_token, expiresAt: ctx.now.getTime() + ttl * 1000 });
  return json.access_token;
}

export const redditConnector: PollConnector = async (ctx) => {
  const cfg = ctx.source.config as unknown as RedditConfig;
  const base = (ctx.source.url ?? REDDIT_WEB).replace(/\/+$/, '');
  const secret = ctx.secrets.client_secret;
  const oauth = !!(cfg.client_id && secret);
  const token = oauth ? await accessToken(ctx, base, cfg.client_id!, secret!) : null;
  const host = oauth ? (cfg.api_url ?? REDDIT_API).replace(/\/+$/, '') : base;
  const headers: Record<string, string> = { 'user-agent': cfg.user_agent || ctx.userAgent, ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const limit = String(oauth ? OAUTH_PAGE_SIZE : PUBLIC_PAGE_SIZE);
  const suffix = oauth ? '' : '.json';
  const subs = cfg.subreddits?.length ? `/r/${cfg.subreddits.join('+')}` : '';
  const cursor = readCursor<RedditCursor>(ctx.source.cursor, { posts: { since: null }, comments: { since: null } });
  const options = { maxPages: oauth ? ctx.maxPages : Math.min(ctx.maxPages, PUBLIC_MAX_PAGES), firstPollPages: 1 };
  let skipped = 0;

  const listing = (path: string, params: Record<string, string>, keep: (text: string) => boolean) => async (after: string | null): Promise<ListingPage> => {
    const query = new URLSearchParams({ ...params, limit, raw_json: '1', ...(after ? { after } : {}) });
    const url = `${host}${path}${suffix}?${query}`;
    const answer = await ctx.http(url, { headers });
    const page = parseListing(answer.json, new URL(url).host, ctx.now);
    skipped += page.skipped;
    return { items: page.items.filter((i) => keep(i.mention.text)), next: page.after, rateLimit: answer.rateLimit };
  };

  const posts = await catchUp(listing(`${subs}/search`, { q: cfg.query, sort: 'new', type: 'link', ...(subs ? { restrict_sr: 'on' } : {}) }, () => true), cursor.posts, options);
  let comments: CatchUpResult | null = null;
  if (subs && cfg.comments !== false && posts.pauseSeconds === null) {
    const terms = queryTerms(cfg.query);
    comments = await catchUp(listing(`${subs}/comments`, {}, (text) => matchesQuery(text, terms)), cursor.comments, options);
  }
  const next: RedditCursor = { posts: posts.cursor, comments: comments?.cursor ?? cursor.comments };
  const caughtUp = posts.caughtUp && (comments?.caughtUp ?? true);
  const newest = Math.max(posts.newest ?? -1, comments?.newest ?? -1);
  const oldestSince = Math.min(...[next.posts.since, next.comments.since].filter((s): s is number => s !== null));
  return {
    mentions: [...posts.mentions, ...(comments?.mentions ?? [])], cursor: JSON.stringify(next), caughtUp,
    pauseSeconds: Math.max(posts.pauseSeconds ?? 0, comments?.pauseSeconds ?? 0) || null,
    newestAt: newest >= 0 ? new Date(newest * 1000) : null, lagSeconds: lagOf(Number.isFinite(oldestSince) ? oldestSince : null, caughtUp, ctx.now), skipped,
  };
};

/** Forgets cached access tokens (tests; a source whose credentials changed gets a new key anyway). */
export function forgetRedditTokens(): void {
  tokens.clear();
}
