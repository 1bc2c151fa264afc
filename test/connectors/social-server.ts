// A local server (127.0.0.1, random port) that speaks the wire formats the poll connectors read, written from
// the networks' public documentation: Reddit Listings (public .json endpoints and OAuth client credentials
// with the oauth host's bearer-token endpoints), the Algolia Hacker News search API (search_by_date with
// numericFilters, page/nbPages) and a plain JSON API with a `next` link. Failures can be queued per path.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RedditThing { kind: 't3' | 't1'; id: string; title?: string; body?: string; selftext?: string; author: string; created_utc: number; score: number; num_comments?: number; subreddit: string }
export interface HnHit { objectID: string; title?: string | null; story_text?: string | null; comment_text?: string | null; author: string; created_at_i: number; points?: number | null; num_comments?: number | null; _tags: string[] }
export interface JsonPost { id: string; body: string; user: { name: string; followers: number }; link: string; created: string; stats: { likes: number } }

export interface Canned { status: number; headers?: Record<string, string>; body?: string }
export interface SeenRequest { method: string; path: string; query: URLSearchParams; headers: IncomingMessage['headers']; body: string }

export const REDDIT_CLIENT = { id: 'cid-123', secret: 'csecret-very-secret-456', token: 'reddit-bearer-789' };
export const JSON_API_TOKEN = 'Bearer json-api-secret-token';

export interface SocialServer {
  url(path?: string): string;
  reddit: { posts: RedditThing[]; comments: RedditThing[] };
  hn: HnHit[];
  json: JsonPost[];
  /** Headers added to every successful answer (rate-limit budgets…). */
  extraHeaders: Record<string, string>;
  requests: SeenRequest[];
  /** The next request whose path starts with `prefix` gets this answer instead. */
  failNext(prefix: string, answer: Canned): void;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

function listing(things: RedditThing[], query: URLSearchParams): unknown {
  const limit = Math.min(Number(query.get('limit') ?? 25), 100);
  const after = query.get('after');
  const sorted = [...things].sort((a, b) => b.created_utc - a.created_utc);
  const start = after ? sorted.findIndex((t) => `${t.kind}_${t.id}` === after) + 1 : 0;
  const page = sorted.slice(start, start + limit);
  const more = start + limit < sorted.length;
  return {
    kind: 'Listing',
    data: {
      after: more && page.length ? `${page.at(-1)!.kind}_${page.at(-1)!.id}` : null, before: null, dist: page.length,
      children: page.map((t) => ({
        kind: t.kind,
        data: {
          id: t.id, name: `${t.kind}_${t.id}`, author: t.author, created_utc: t.created_utc, score: t.score, subreddit: t.subreddit,
          permalink: `/r/${t.subreddit}/comments/${t.id}/x/`,
          ...(t.kind === 't3' ? { title: t.title, selftext: t.selftext ?? '', num_comments: t.num_comments ?? 0, num_crossposts: 0 } : { body: t.body, link_id: 't3_parent' }),
        },
      })),
    },
  };
}

function redditSearch(things: RedditThing[], path: string, query: URLSearchParams): RedditThing[] {
  const q = (query.get('q') ?? '').toLowerCase();
  const subs = /^\/r\/([^/]+)\//.exec(path)?.[1]?.split('+');
  return things.filter((t) => (!subs || subs.includes(t.subreddit)) && `${t.title ?? ''} ${t.selftext ?? ''}`.toLowerCase().includes(q));
}

function hnSearch(hits: HnHit[], query: URLSearchParams): unknown {
  const q = (query.get('query') ?? '').toLowerCase();
  const tags = query.get('tags') ?? '';
  const wanted = tags.replace(/[()]/g, '').split(',').filter(Boolean);
  const filters = (query.get('numericFilters') ?? '').split(',').filter(Boolean);
  const perPage = Number(query.get('hitsPerPage') ?? 20);
  const page = Number(query.get('page') ?? 0);
  const matching = hits
    .filter((h) => `${h.title ?? ''} ${h.story_text ?? ''} ${h.comment_text ?? ''}`.toLowerCase().includes(q))
    .filter((h) => wanted.length === 0 || wanted.some((t) => h._tags.includes(t)))
    .filter((h) => filters.every((f) => {
      const m = /^created_at_i(>=|>|<=|<)(\d+)$/.exec(f);
      if (!m) throw new Error(`unsupported filter ${f}`);
      const v = Number(m[2]);
      return m[1] === '>' ? h.created_at_i > v : m[1] === '>=' ? h.created_at_i >= v : m[1] === '<' ? h.created_at_i < v : h.created_at_i <= v;
    }))
    .sort((a, b) => b.created_at_i - a.created_at_i);
  return {
    hits: matching.slice(page * perPage, (page + 1) * perPage).map((h) => ({ ...h, created_at: new Date(h.created_at_i * 1000).toISOString(), url: null })),
    nbHits: matching.length, page, nbPages: Math.ceil(matching.length / perPage), hitsPerPage: perPage, exhaustiveNbHits: true, query: q, params: query.toString(),
  };
}

export async function startSocialServer(): Promise<SocialServer> {
  const failures: { prefix: string; answer: Canned }[] = [];
  const state: Omit<SocialServer, 'url' | 'failNext' | 'close'> = { reddit: { posts: [], comments: [] }, hn: [], json: [], extraHeaders: {}, requests: [] };
  let base = '';

  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const u = new URL(req.url ?? '/', base);
      state.requests.push({ method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, headers: req.headers, body });
      const failure = failures.findIndex((f) => u.pathname.startsWith(f.prefix));
      if (failure >= 0) {
        const { answer } = failures.splice(failure, 1)[0]!;
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        return void res.end(answer.body ?? '');
      }
      const ok = (payload: unknown) => json(res, 200, payload, state.extraHeaders);
      const path = u.pathname;
      // Reddit, OAuth: the token endpoint and the oauth host's bearer-only endpoints (no .json suffix).
      if (path === '/api/v1/access_token' && req.method === 'POST') {
        const basic = `Basic ${Buffer.from(`${REDDIT_CLIENT.id}:${REDDIT_CLIENT.secret}`).toString('base64')}`;
        if (req.headers.authorization !== basic || body !== 'grant_type=client_credentials') return json(res, 401, { message: 'Unauthorized', error: 401 });
        return json(res, 200, { access_token: REDDIT_CLIENT.token, token_type: 'bearer', expires_in: 86400, scope: '*' });
      }
      if (path.startsWith('/oauth/')) {
        if (req.headers.authorization !== `Bearer ${REDDIT_CLIENT.token}`) return json(res, 401, { message: 'Unauthorized', error: 401 });
        const inner = path.slice('/oauth'.length);
        if (inner.endsWith('/comments')) return ok(listing(redditSearch(state.reddit.comments, inner, new URLSearchParams()), u.searchParams));
        if (inner.endsWith('/search')) return ok(listing(redditSearch(state.reddit.posts, inner, u.searchParams), u.searchParams));
      }
      // Reddit, public: .json endpoints answer anyone with a User-Agent.
      if (path.endsWith('/comments.json')) return ok(listing(state.reddit.comments.filter((t) => path.includes(t.subreddit)), u.searchParams));
      if (path.endsWith('/search.json')) return ok(listing(redditSearch(state.reddit.posts, path, u.searchParams), u.searchParams));
      // Algolia HN.
      if (path === '/api/v1/search_by_date') return ok(hnSearch(state.hn, u.searchParams));
      // A JSON API behind a bearer token, 2 items a page, newest first, with a relative next link.
      if (path === '/json/posts') {
        if (req.headers.authorization !== JSON_API_TOKEN) return json(res, 401, { error: 'missing token' });
        const page = Number(u.searchParams.get('page') ?? 0);
        const sorted = [...state.json].sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
        const items = sorted.slice(page * 2, page * 2 + 2);
        return ok({ data: { posts: items }, paging: { next: page * 2 + 2 < sorted.length ? `/json/posts?page=${page + 1}` : null } });
      }
      json(res, 404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    ...state,
    get requests() { return state.requests; },
    get extraHeaders() { return state.extraHeaders; },
    set extraHeaders(v) { state.extraHeaders = v; },
    url: (path = '') => `${base}${path}`,
    failNext: (prefix, answer) => void failures.push({ prefix, answer }),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
