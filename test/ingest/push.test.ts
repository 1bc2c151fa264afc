import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';

let t: TestApp;
let admin: TestUser;
let crisis: TestUser;
let source: { id: string; ingest_token: string };
let watchlistId: string;

beforeAll(async () => {
  t = await createTestApp({ 'ingest.max_items': 100 });
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis');
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'Connector' } });
  source = res.json();
  const wl = await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: 'ACME', query: 'acme OR "acme corp"' } });
  watchlistId = wl.json().id;
});
afterAll(async () => t?.close());

const push = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${source.ingest_token}`, ...headers }, payload: payload as object });

describe('push ingest', () => {
  it('gives a push source an ingest token shown once and stored hashed', async () => {
    expect(source.ingest_token).toMatch(/^pf_ing_/);
    const row = await t.db.database.db.selectFrom('sources').select('ingest_token_hash').where('id', '=', source.id).executeTakeFirstOrThrow();
    expect(row.ingest_token_hash).not.toContain(source.ingest_token);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/sources', headers: admin.auth });
    expect(JSON.stringify(list.json())).not.toContain(source.ingest_token);
  });

  it('stores valid items, rejects invalid ones with index and reason, and scores them', async () => {
    const res = await push({ mentions: [
      { external_id: 'a1', text: 'ACME est vraiment nul, je suis furieux #boycott', author: '@marie', published_at: new Date().toISOString() },
      { external_id: 'a2', text: '' },
      { text: 'no id' },
      { external_id: 'a3', text: 'I love the new ACME phone, great job!', url: 'javascript:alert(1)' },
      { external_id: 'a4', text: 'ACME shipped on time', published_at: 'yesterday-ish' },
      { external_id: 'a5', text: 'Unrelated text about the weather', lang: 'en' },
    ] });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.accepted).toBe(2);
    expect(body.duplicates).toBe(0);
    expect(body.rejected).toEqual([
      { index: 1, error: 'text: must not be empty' },
      { index: 2, error: expect.stringMatching(/^external_id: is required/) },
      { index: 3, error: 'url: must be an http(s) URL' },
      { index: 4, error: 'published_at: must be an ISO 8601 date-time' },
    ]);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/mentions?watchlist_id=${watchlistId}`, headers: crisis.auth });
    const items = list.json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ external_id: 'a1', lang: 'fr', label: 'negative', author: '@marie', watchlist_ids: [watchlistId] });
    expect(items[0].risk).toBeGreaterThan(0);
    expect(items[0].risk_terms).toContain('boycott');
  });

  it('is idempotent: re-sending counts duplicates and stores nothing twice', async () => {
    const batch = { mentions: [{ external_id: 'dup-1', text: 'ACME first' }, { external_id: 'dup-2', text: 'ACME second' }, { external_id: 'dup-1', text: 'ACME first again' }] };
    const first = (await push(batch)).json();
    expect(first).toMatchObject({ accepted: 2, duplicates: 1 });
    const second = (await push(batch)).json();
    expect(second).toMatchObject({ accepted: 0, duplicates: 3 });
    const rows = await t.db.database.db.selectFrom('mentions').select('external_id').where('source_id', '=', source.id).where('external_id', 'like', 'dup-%').execute();
    expect(rows.map((r) => r.external_id).sort()).toEqual(['dup-1', 'dup-2']);
  });

  it('accepts NDJSON and reports a malformed line by its index', async () => {
    const body = ['{"external_id":"nd-1","text":"ACME ndjson one"}', '{not json', '', '{"external_id":"nd-2","text":"ACME ndjson two"}'].join('\n');
    const res = await push(body, { 'content-type': 'application/x-ndjson' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [{ index: 1, error: 'line 2 is not valid JSON' }] });
  });

  it('counts matched mentions in the watchlist buckets', async () => {
    const buckets = await t.db.database.db.selectFrom('buckets').selectAll().where('watchlist_id', '=', watchlistId).execute();
    const total = buckets.reduce((n, b) => n + b.count, 0);
    expect(total).toBeGreaterThanOrEqual(5);
    expect(buckets.some((b) => b.negative >= 1 && b.risk_sum > 0)).toBe(true);
    expect(buckets.every((b) => b.bucket_start.getTime() % (t.config.detection.bucket_seconds * 1000) === 0)).toBe(true);
  });

  it('refuses too many items with 413 and stores none of them', async () => {
    const mentions = Array.from({ length: 101 }, (_, i) => ({ external_id: `many-${i}`, text: 'ACME' }));
    const res = await push({ mentions });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('too_many_items');
    const n = await t.db.database.db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).where('external_id', 'like', 'many-%').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('checks who pushes: a bad token is 401, a crisis user 403, an admin must name the source', async () => {
    const payload = { mentions: [{ external_id: 'x', text: 'ACME' }] };
    expect((await push(payload, { authorization: 'Bearer pf_ing_nope' })).statusCode).toBe(401);
    const asCrisis = await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: crisis.auth, payload: { source_id: source.id, ...payload } });
    expect(asCrisis.statusCode).toBe(403);
    const noSource = await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: admin.auth, payload });
    expect(noSource.json().error).toMatchObject({ field: 'source_id' });
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: admin.auth, payload: { source_id: source.id, mentions: [{ external_id: 'by-admin', text: 'ACME' }] } });
    expect(ok.statusCode).toBe(202);
  });

  it('stops accepting a disabled source token and rotates tokens', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'Temp' } })).json();
    const rotated = (await t.app.inject({ method: 'POST', url: `/api/v1/sources/${created.id}/rotate-token`, headers: admin.auth })).json();
    const send = (token: string) => t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${token}` }, payload: { mentions: [{ external_id: `r-${token.slice(-4)}`, text: 'x' }] } });
    expect((await send(created.ingest_token)).statusCode).toBe(401);
    expect((await send(rotated.ingest_token)).statusCode).toBe(202);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/sources/${created.id}`, headers: admin.auth, payload: { enabled: false } });
    expect((await send(rotated.ingest_token)).statusCode).toBe(401);
  });

  it('pages mentions newest first with a cursor and filters by label', async () => {
    const page1 = (await t.app.inject({ method: 'GET', url: '/api/v1/mentions?limit=3', headers: crisis.auth })).json();
    expect(page1.items).toHaveLength(3);
    expect(page1.next_cursor).toEqual(expect.any(String));
    const page2 = (await t.app.inject({ method: 'GET', url: `/api/v1/mentions?limit=3&cursor=${page1.next_cursor}`, headers: crisis.auth })).json();
    const ids1 = page1.items.map((m: { id: number }) => m.id);
    expect(page2.items.every((m: { id: number }) => !ids1.includes(m.id))).toBe(true);
    const negatives = (await t.app.inject({ method: 'GET', url: '/api/v1/mentions?label=negative', headers: crisis.auth })).json();
    expect(negatives.items.every((m: { label: string }) => m.label === 'negative')).toBe(true);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/mentions?cursor=garbage', headers: crisis.auth });
    expect(bad.json().error.field).toBe('cursor');
    const amb = await createUser(t, 'ambassador');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/mentions', headers: amb.auth })).statusCode).toBe(403);
  });
});
