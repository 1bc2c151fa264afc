// Reddit, Hacker News and JSON API sources end to end: created and previewed through the HTTP API, polled by
// the real poller against a local server speaking each network's format, mentions read back from the database.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetRedditTokens } from '../../src/collectors/reddit/connector.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { JSON_API_TOKEN, REDDIT_CLIENT, startSocialServer, type SocialServer } from './social-server.js';

let t: TestApp;
let admin: TestUser;
let net: SocialServer;
let logs = '';

beforeAll(async () => {
  net = await startSocialServer();
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => (logs += chunk.toString('utf8')));
  t = await createTestApp({ 'collectors.min_poll_interval_seconds': 1, 'collectors.poll_max_pages': 2, 'collectors.user_agent': 'server:pilotfish-test:v1 (by /u/pilotfish)' }, { LOG_LEVEL: 'debug' }, { logStream });
  admin = await createUser(t, 'admin');
});
afterAll(async () => {
  await t?.close();
  await net?.close();
});
beforeEach(() => forgetRedditTokens());

const nowS = () => Math.floor(Date.now() / 1000);
const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => t.app.inject({ method, url, headers: admin.auth, ...(payload ? { payload } : {}) });
const create = async (payload: object) => {
  const res = await api('POST', '/api/v1/sources', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secrets_set: string[] };
};
const poll = async (id: string) => (await api('POST', `/api/v1/sources/${id}/poll`)).json();
const stored = (sourceId: string) => t.db.database.db.selectFrom('mentions').selectAll().where('source_id', '=', sourceId).orderBy('published_at', 'desc').execute();

let seq = 0;
function redditPost(title: string, ageSeconds: number, subreddit = 'france') {
  return { kind: 't3' as const, id: `p${++seq}`, title, selftext: 'Details inside.', author: `user${seq}`, created_utc: nowS() - ageSeconds, score: 42, num_comments: 7, subreddit };
}

describe('reddit (public JSON endpoints)', () => {
  it('previews without storing, then reads the newest page on the first poll, with network and engagement', async () => {
    net.reddit.posts.push(redditPost('ACME strike announced', 300), redditPost('ACME recall', 200), redditPost('Unrelated news', 100));
    const preview = await api('POST', '/api/v1/sources/preview', { kind: 'reddit', url: net.url(), config: { query: 'acme' } });
    expect(preview.json()).toMatchObject({ ok: true, total: 2 });
    expect(preview.json().mentions[0]).toMatchObject({ text: expect.stringContaining('ACME recall'), network: 'reddit', likes: 42, replies: 7 });

    const src = await create({ kind: 'reddit', name: 'Reddit ACME', url: net.url(), config: { query: 'acme', subreddits: ['france'] } });
    expect(await stored(src.id)).toHaveLength(0);
    const outcome = await poll(src.id);
    expect(outcome).toMatchObject({ ok: true, accepted: 2 });
    const rows = await stored(src.id);
    expect(rows[0]).toMatchObject({ network: 'reddit', likes: 42, replies: 7, url: expect.stringMatching(/^https:\/\/www\.reddit\.com\/r\/france\/comments\//) });
    expect(outcome.source).toMatchObject({ state: 'connected', lag_seconds: 0, error_count: 0 });
    // Public endpoints: the lower page size and a descriptive User-Agent.
    const search = net.requests.filter((r) => r.path === '/r/france/search.json').at(-1)!;
    expect(search.query.get('limit')).toBe('25');
    expect(search.query.get('sort')).toBe('new');
    expect(search.headers['user-agent']).toBe('server:pilotfish-test:v1 (by /u/pilotfish)');
  });

  it('catches up after downtime: pages until it reaches what it read, a bounded number of pages per tick, each post once', async () => {
    const src = await create({ kind: 'reddit', name: 'Reddit catch-up', url: net.url(), config: { query: 'downtime', subreddits: ['news'], comments: false } });
    net.reddit.posts.push(redditPost('downtime first', 5000, 'news'));
    expect((await poll(src.id)).accepted).toBe(1);
    // While we were away: 80 new posts (25 a page, 2 pages a tick → 2 ticks to catch up).
    for (let i = 0; i < 80; i++) net.reddit.posts.push(redditPost(`downtime post ${i}`, 4000 - i * 10, 'news'));
    const first = await poll(src.id);
    expect(first.source.state).toBe('catching_up');
    expect(first.source.lag_seconds).toBeGreaterThan(1000);
    expect(new Date(first.source.next_check_at).getTime()).toBeLessThanOrEqual(Date.now());
    let rounds = 0;
    for (let s = first.source; s.state === 'catching_up' && rounds < 5; rounds++) s = (await poll(src.id)).source;
    const after = (await api('GET', `/api/v1/sources/${src.id}`)).json();
    expect(after).toMatchObject({ state: 'connected', lag_seconds: 0 });
    const rows = await stored(src.id);
    expect(rows).toHaveLength(81);
    expect(new Set(rows.map((r) => r.external_id)).size).toBe(81);
  });

  it('reads comments of the subreddits that contain a query term', async () => {
    const src = await create({ kind: 'reddit', name: 'Reddit comments', url: net.url(), config: { query: 'widget', subreddits: ['tech'] } });
    net.reddit.comments.push(
      { kind: 't1', id: `c${++seq}`, body: 'My Widget caught fire', author: 'a', created_utc: nowS() - 20, score: 3, subreddit: 'tech' },
      { kind: 't1', id: `c${++seq}`, body: 'nothing to see', author: 'b', created_utc: nowS() - 10, score: 1, subreddit: 'tech' },
    );
    await poll(src.id);
    expect((await stored(src.id)).map((r) => r.text)).toEqual(['My Widget caught fire']);
  });

  it('honours x-ratelimit-remaining: 0 by stopping and waiting for the reset', async () => {
    const src = await create({ kind: 'reddit', name: 'Reddit budget', url: net.url(), config: { query: 'budget', subreddits: ['money'], comments: false } });
    net.reddit.posts.push(redditPost('budget one', 100, 'money'));
    net.extraHeaders = { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '100', 'x-ratelimit-reset': '120' };
    try {
      const out = await poll(src.id);
      expect(out.ok).toBe(true);
      expect(new Date(out.source.next_check_at).getTime()).toBeGreaterThanOrEqual(Date.now() + 110_000);
    } finally {
      net.extraHeaders = {};
    }
  });
});

describe('reddit (OAuth client credentials)', () => {
  it('gets a token, calls the oauth host with it, and never returns or logs the secret', async () => {
    net.reddit.posts.push(redditPost('oauth acme-oauth story', 50, 'oauthsub'));
    const src = await create({ kind: 'reddit', name: 'Reddit OAuth', url: net.url(), config: { query: 'acme-oauth', subreddits: ['oauthsub'], comments: false, client_id: REDDIT_CLIENT.id, client_secret: REDDIT_CLIENT.secret, api_url: net.url('/oauth') } });
    expect(src.secrets_set).toEqual(['client_secret']);
    expect(JSON.stringify(src)).not.toContain(REDDIT_CLIENT.secret);
    const out = await poll(src.id);
    expect(out).toMatchObject({ ok: true, accepted: 1 });
    const call = net.requests.filter((r) => r.path === '/oauth/r/oauthsub/search').at(-1)!;
    expect(call.query.get('limit')).toBe('100');
    // Editing the query keeps the stored secret.
    const patched = await api('PATCH', `/api/v1/sources/${src.id}`, { config: { query: 'acme-oauth', subreddits: ['oauthsub'], comments: false, client_id: REDDIT_CLIENT.id, api_url: net.url('/oauth') } });
    expect(patched.json().secrets_set).toEqual(['client_secret']);
    const listed = await api('GET', '/api/v1/sources');
    for (const text of [listed.body, patched.body, JSON.stringify(out), logs]) {
      expect(text).not.toContain(REDDIT_CLIENT.secret);
      expect(text).not.toContain(REDDIT_CLIENT.token);
    }
    const sealed = await t.db.database.db.selectFrom('sources').select('secrets').where('id', '=', src.id).executeTakeFirstOrThrow();
    expect(sealed.secrets).toBeTruthy();
    expect(sealed.secrets).not.toContain(REDDIT_CLIENT.secret);
  });

  it('disables the source with a clear reason when the credentials are refused', async () => {
    const src = await create({ kind: 'reddit', name: 'Reddit bad creds', url: net.url(), config: { query: 'x', client_id: REDDIT_CLIENT.id, client_secret: 'wrong', api_url: net.url('/oauth') } });
    const out = await poll(src.id);
    expect(out.ok).toBe(false);
    expect(out.source).toMatchObject({ enabled: false, state: 'disabled', error_count: 1 });
    expect(out.source.disabled_reason).toMatch(/401.*credentials/);
    const due = await t.services.poller.tick(new Date(Date.now() + 86400_000));
    expect(due.map((o) => o.sourceId)).not.toContain(src.id);
  });
});

describe('hacker news (Algolia search_by_date)', () => {
  let id = 1000;
  const hit = (text: string, ageSeconds: number, comment = false) => ({
    objectID: String(++id), author: `hn${id}`, created_at_i: nowS() - ageSeconds, _tags: [comment ? 'comment' : 'story', `author_hn${id}`],
    ...(comment ? { comment_text: `<p>${text} <a href="https://x.test">link</a></p>`, points: null, num_comments: null } : { title: text, story_text: null, points: 12, num_comments: 3 }),
  });

  it('reads stories and comments as plain text, then only what is newer (numericFilters), paging until caught up', async () => {
    net.hn.push(hit('Zorglub launches', 600), hit('Zorglub <b>is</b> down', 500, true));
    const src = await create({ kind: 'hackernews', name: 'HN', url: net.url('/api/v1'), config: { query: 'zorglub' } });
    expect((await poll(src.id)).accepted).toBe(2);
    const rows = await stored(src.id);
    expect(rows.map((r) => r.text)).toContain('Zorglub is down link');
    expect(rows.find((r) => r.text === 'Zorglub launches')).toMatchObject({ network: 'hackernews', likes: 12, replies: 3, url: expect.stringMatching(/^https:\/\/news\.ycombinator\.com\/item\?id=/) });
    for (const r of rows) expect(r.text).not.toMatch(/[<>]/);
    for (let i = 0; i < 150; i++) net.hn.push(hit(`Zorglub item ${i}`, 400 - i));
    await poll(src.id);
    const last = net.requests.filter((r) => r.path === '/api/v1/search_by_date').at(-1)!;
    expect(last.query.get('numericFilters')).toMatch(/^created_at_i>\d+$/);
    expect(last.query.get('tags')).toBe('(story,comment)');
    expect(await stored(src.id)).toHaveLength(152);
  });

  it('waits for Retry-After on 429 (backing off, counted), then resumes', async () => {
    const src = await create({ kind: 'hackernews', name: 'HN 429', url: net.url('/api/v1'), config: { query: 'quux429' } });
    net.failNext('/api/v1/search_by_date', { status: 429, headers: { 'retry-after': '90' }, body: '{"message":"Too many requests"}' });
    const out = await poll(src.id);
    expect(out.source).toMatchObject({ state: 'backing_off', error_count: 1, consecutive_failures: 0, enabled: true });
    expect(out.source.last_error).toMatch(/429/);
    const wait = new Date(out.source.next_check_at).getTime() - Date.now();
    expect(wait).toBeGreaterThan(80_000);
    expect(wait).toBeLessThanOrEqual(91_000);
    net.hn.push(hit('quux429 story', 30));
    const again = await poll(src.id);
    expect(again).toMatchObject({ ok: true, accepted: 1 });
    expect(again.source).toMatchObject({ state: 'connected', error_count: 1, last_error: null });
  });

  it.each([
    ['an HTML page', { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Maintenance</body></html>' }, /HTML/],
    ['malformed JSON', { status: 200, body: '{"hits": [' }, /invalid JSON/],
    ['a JSON answer without hits', { status: 200, body: '{"error": "nope"}' }, /no "hits"/],
    ['a 502', { status: 502, body: '' }, /502/],
  ])('backs off on %s with a readable error, never crashing', async (_name, answer, message) => {
    const src = await create({ kind: 'hackernews', name: `HN bad ${String(message)}`, url: net.url('/api/v1'), config: { query: 'bad' } });
    net.failNext('/api/v1/search_by_date', answer);
    const out = await poll(src.id);
    expect(out.ok).toBe(false);
    expect(out.source).toMatchObject({ state: 'backing_off', consecutive_failures: 1, error_count: 1, enabled: true });
    expect(out.source.last_error).toMatch(message);
  });
});

describe('json API', () => {
  const post = (i: number, ageSeconds: number) => ({
    id: `j${i}`, body: `<p>Post ${i} about Fizzco</p>`, user: { name: `u${i}`, followers: 1000 * i }, link: `https://social.example/p/${i}`,
    created: new Date(Date.now() - ageSeconds * 1000).toISOString(), stats: { likes: i },
  });
  const config = (token = JSON_API_TOKEN) => ({
    network: 'examplesocial', headers: { Authorization: token },
    mapping: { items: '/data/posts', next: '/paging/next', id: '/id', text: '/body', author: '/user/name', url: '/link', date: '/created', followers: '/user/followers', likes: '/stats/likes' },
  });

  it('maps items with JSON pointers, sends the secret header, follows next links, never returns the header value', async () => {
    net.json.push(post(1, 300), post(2, 200));
    const preview = await api('POST', '/api/v1/sources/preview', { kind: 'json', url: net.url('/json/posts'), config: config() });
    expect(preview.json()).toMatchObject({ ok: true, mentions: [{ external_id: 'j2', text: 'Post 2 about Fizzco', author: 'u2', author_followers: 2000, likes: 2, network: 'examplesocial' }, { external_id: 'j1' }] });
    expect(preview.body).not.toContain('json-api-secret-token');

    const src = await create({ kind: 'json', name: 'JSON', url: net.url('/json/posts'), config: config() });
    expect(src.secrets_set).toEqual(['headers.Authorization']);
    expect(JSON.stringify(src)).not.toContain('json-api-secret-token');
    expect((await poll(src.id)).accepted).toBe(2);
    for (let i = 3; i <= 7; i++) net.json.push(post(i, 200 - i));
    // 2 items a page, 2 pages a tick: the second tick finishes the catch-up.
    expect((await poll(src.id)).source.state).toBe('catching_up');
    expect((await poll(src.id)).source.state).toBe('connected');
    const rows = await stored(src.id);
    expect(rows.map((r) => r.external_id).sort()).toEqual(['j1', 'j2', 'j3', 'j4', 'j5', 'j6', 'j7']);
    expect(rows.find((r) => r.external_id === 'j7')).toMatchObject({ network: 'examplesocial', author_followers: 7000, likes: 7 });
    expect((await api('GET', '/api/v1/sources')).body).not.toContain('json-api-secret-token');
    expect(logs).not.toContain('json-api-secret-token');
  });

  it('a refused token disables the source with the reason; re-enabling with a new token works', async () => {
    const src = await create({ kind: 'json', name: 'JSON bad token', url: net.url('/json/posts'), config: config('Bearer wrong') });
    const out = await poll(src.id);
    expect(out.source).toMatchObject({ enabled: false, state: 'disabled' });
    expect(out.source.disabled_reason).toMatch(/HTTP 401/);
    const listed = (await api('GET', '/api/v1/sources')).json().items.find((s: { id: string }) => s.id === src.id);
    expect(listed).toMatchObject({ state: 'disabled', disabled_reason: expect.stringMatching(/401/) });
    await api('PATCH', `/api/v1/sources/${src.id}`, { config: config(), enabled: true });
    expect(await poll(src.id)).toMatchObject({ ok: true });
  });
});

describe('validation of connector configs', () => {
  it.each([
    [{ kind: 'reddit', name: 'r', config: {} }, 'config.query'],
    [{ kind: 'reddit', name: 'r', config: { query: 'x', subreddits: ['bad name!'] } }, 'config.subreddits[0]'],
    [{ kind: 'reddit', name: 'r', config: { query: 'x', client_secret: 's' } }, 'config.client_id'],
    [{ kind: 'reddit', name: 'r', config: { query: 'x', typo: 1 } }, 'config.typo'],
    [{ kind: 'hackernews', name: 'h', config: { query: 'x', tags: 'poll' } }, 'config.tags'],
    [{ kind: 'hackernews', name: 'h', url: 'http://10.0.0.1/api', config: { query: 'x' } }, 'url'],
    [{ kind: 'json', name: 'j', url: 'https://api.example/x', config: { mapping: { items: 'data', id: '/id', text: '/t' } } }, 'config.mapping.items'],
    [{ kind: 'json', name: 'j', url: 'https://api.example/x', config: { mapping: { items: '/data', id: '/id' } } }, 'config.mapping.text'],
    [{ kind: 'json', name: 'j', url: 'https://api.example/x', config: { mapping: { items: '/d', id: '/i', text: '/t', nope: '/x' } } }, 'config.mapping.nope'],
    [{ kind: 'json', name: 'j', config: { mapping: { items: '/d', id: '/i', text: '/t' } } }, 'url'],
    [{ kind: 'json', name: 'j', url: 'https://api.example/x', config: { headers: { Host: 'x' }, mapping: { items: '/d', id: '/i', text: '/t' } } }, 'config.headers.Host'],
    [{ kind: 'nosuch', name: 'n' }, 'kind'],
  ])('refuses %o naming %s', async (payload, field) => {
    const res = await api('POST', '/api/v1/sources', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
  });
});
