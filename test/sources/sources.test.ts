import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { startFeedServer, type FeedServer } from '../collectors/support/feed-server.js';

let t: TestApp;
let admin: TestUser;
let crisis: TestUser;
let feeds: FeedServer;

beforeAll(async () => {
  feeds = await startFeedServer();
  t = await createTestApp({ 'collectors.timeout_ms': 800, 'collectors.max_failures': 3, 'collectors.min_poll_interval_seconds': 1 });
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis');
});
afterAll(async () => {
  await t?.close();
  await feeds?.close();
});

const create = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload });
const poll = async (id: string) => (await t.app.inject({ method: 'POST', url: `/api/v1/sources/${id}/poll`, headers: admin.auth })).json();

describe('sources API', () => {
  it('creates an rss source and lists it with its health for crisis users', async () => {
    const res = await create({ kind: 'rss', name: 'Local', url: feeds.url('/feed'), poll_interval_seconds: 120 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'rss', url: feeds.url('/feed'), enabled: true, consecutive_failures: 0, last_error: null });
    expect(res.json()).not.toHaveProperty('ingest_token');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/sources', headers: crisis.auth });
    expect(list.json().items.map((s: { id: string }) => s.id)).toContain(res.json().id);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: crisis.auth, payload: { kind: 'push', name: 'x' } })).statusCode).toBe(403);
  });

  it.each([
    [{ kind: 'rss', name: 'No URL' }, 'url'],
    [{ kind: 'rss', name: 'Bad scheme', url: 'ftp://example.com/feed' }, 'url'],
    [{ kind: 'rss', name: 'Private', url: 'http://10.1.2.3/feed' }, 'url'],
    [{ kind: 'rss', name: 'Metadata', url: 'http://169.254.169.254/latest' }, 'url'],
    [{ kind: 'mastodon', name: 'Nope' }, 'url'],
    [{ kind: 'myspace', name: 'Nope' }, 'kind'],
    [{ kind: 'rss', url: 'https://example.com/feed' }, 'name'],
    [{ kind: 'rss', name: 'Too fast', url: feeds?.url('/feed') ?? 'http://127.0.0.1/feed', poll_interval_seconds: 0 }, 'poll_interval_seconds'],
  ])('refuses %o naming the field', async (payload, field) => {
    const res = await create(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
  });

  it('previews a feed without saving it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/sources/preview', headers: admin.auth, payload: { url: feeds.url('/feed') } });
    expect(res.json()).toMatchObject({ ok: true, title: 'Local feed', total: 1 });
    expect(res.json().mentions[0].text).toContain('Grève chez ACME');
    const notFeed = await t.app.inject({ method: 'POST', url: '/api/v1/sources/preview', headers: admin.auth, payload: { url: feeds.url('/html') } });
    expect(notFeed.json()).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('polls with conditional GET: the second poll is a 304 and stores nothing new', async () => {
    const src = (await create({ kind: 'rss', name: 'ETag', url: feeds.url('/etag') })).json();
    const first = await poll(src.id);
    expect(first).toMatchObject({ ok: true, accepted: 1, not_modified: false });
    const second = await poll(src.id);
    expect(second).toMatchObject({ ok: true, accepted: 0, not_modified: true });
    expect(feeds.requests.filter((r) => r.path === '/etag').at(-1)?.ifNoneMatch).toBe('"v1"');
    expect(second.source).toMatchObject({ consecutive_failures: 0, last_error: null, items_collected: 1 });
    expect(new Date(second.source.next_check_at).getTime()).toBeGreaterThan(Date.now());
  });

  it.each([
    ['/404', /404/],
    ['/500', /500/],
    ['/slow-headers', /within 800 ms/],
    ['/loop-a', /redirect/i],
    ['/html', /feed/i],
    ['/truncated-body', /.+/],
    ['/to-private', /private|refused|not allowed/i],
  ])('records a readable last_error for %s and backs off', async (path, message) => {
    const src = (await create({ kind: 'rss', name: `Broken ${path}`, url: feeds.url(path), poll_interval_seconds: 60 })).json();
    const outcome = await poll(src.id);
    expect(outcome.ok).toBe(false);
    expect(outcome.source.last_error).toMatch(message);
    expect(outcome.source.last_error).not.toMatch(/\n|at .*\.js/);
    expect(outcome.source.consecutive_failures).toBe(1);
    expect(new Date(outcome.source.next_check_at).getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('honours Retry-After on 429 and disables a source after repeated failures, with the reason', async () => {
    const limited = (await create({ kind: 'rss', name: 'Limited', url: feeds.url('/429'), poll_interval_seconds: 10 })).json();
    const after429 = await poll(limited.id);
    expect(new Date(after429.source.next_check_at).getTime()).toBeGreaterThan(Date.now() + 100_000);
    const src = (await create({ kind: 'rss', name: 'Dies', url: feeds.url('/500'), poll_interval_seconds: 10 })).json();
    await poll(src.id);
    await poll(src.id);
    const third = await poll(src.id);
    expect(third.source).toMatchObject({ enabled: false, consecutive_failures: 3 });
    expect(third.source.disabled_reason).toMatch(/3 consecutive failures.*500/);
    const reenabled = await t.app.inject({ method: 'PATCH', url: `/api/v1/sources/${src.id}`, headers: admin.auth, payload: { enabled: true } });
    expect(reenabled.json()).toMatchObject({ enabled: true, consecutive_failures: 0, disabled_reason: null });
  });

  it('a scheduler tick polls every due source; a broken one does not stop the others', async () => {
    const good = (await create({ kind: 'rss', name: 'Tick good', url: feeds.url('/gzip') })).json();
    const bad = (await create({ kind: 'rss', name: 'Tick bad', url: feeds.url('/reset') })).json();
    const outcomes = await t.services.poller.tick(new Date());
    const byId = new Map(outcomes.map((o) => [o.sourceId, o]));
    expect(byId.get(good.id)).toMatchObject({ ok: true });
    expect(byId.get(bad.id)).toMatchObject({ ok: false });
    // Claimed sources got a lease: an immediate second tick does not poll them again.
    const again = await t.services.poller.tick(new Date());
    expect(again.map((o) => o.sourceId)).not.toContain(good.id);
  });

  it('deletes a source (soft) and hides it', async () => {
    const src = (await create({ kind: 'rss', name: 'Gone', url: feeds.url('/feed') })).json();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/sources/${src.id}`, headers: admin.auth })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/sources/${src.id}`, headers: admin.auth })).statusCode).toBe(404);
  });
});
