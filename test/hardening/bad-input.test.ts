// Issue 11 rows 2, 3 and 16 (dates): hostile text and shapes get a clean answer (never a 500), and a bad
// push item costs only itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';

let t: TestApp;
let admin: TestUser;
let source: { id: string; ingest_token: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, 'admin');
  source = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'Hostile' } })).json();
});
afterAll(async () => t?.close());

const push = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${source.ingest_token}` }, payload: payload as object });

async function stored(externalId: string) {
  return t.db.database.db.selectFrom('mentions').selectAll().where('source_id', '=', source.id).where('external_id', '=', externalId).executeTakeFirst();
}

describe('push items with NUL and lone surrogates', () => {
  it('stores the batch with NUL removed and lone surrogates replaced, on the first try', async () => {
    const good = Array.from({ length: 100 }, (_, i) => ({ external_id: `ok-${i}`, text: `fine mention ${i}` }));
    const bad = [
      { external_id: 'nul\u0000id', text: 'nul in id' },
      { external_id: 'nul-author', text: 'nul in author', author: 'ma\u0000rie' },
      { external_id: 'nul-url', text: 'nul in url', url: 'https://example.test/\u0000x' },
      { external_id: 'sur-text', text: 'half an emoji \ud800 here' },
      { external_id: 'sur-author', text: 'surrogate author', author: '\udc00bob' },
      { external_id: 'sur\ud800id', text: 'surrogate in id' },
      { external_id: 'deep', text: 'nested author', author: JSON.parse('['.repeat(2000) + ']'.repeat(2000)) },
      { external_id: 'bad-date', text: 'the 30th of February', published_at: '2024-02-30T10:00:00Z' },
    ];
    const res = await push({ mentions: [...good, ...bad] });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.rejected.map((r: { index: number }) => r.index).sort()).toEqual([106, 107]);
    expect(body.rejected.find((r: { index: number }) => r.index === 106).error).toMatch(/^author:/);
    expect(body.rejected.find((r: { index: number }) => r.index === 107).error).toMatch(/^published_at:/);
    expect(body.accepted).toBe(106);
    expect((await stored('nulid'))?.text).toBe('nul in id');
    expect((await stored('nul-author'))?.author).toBe('marie');
    expect((await stored('sur-text'))?.text).toBe('half an emoji \uFFFD here');
    expect((await stored('sur\uFFFDid'))).toBeDefined();
    expect(await stored('ok-99')).toBeDefined();
  });

  it('cleans NDJSON lines the same way', async () => {
    const ndjson = ['{"external_id":"nd-1","text":"a\\u0000b","author":"x\\ud800"}', '{"external_id":"nd-2","text":"fine"}'].join('\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${source.ingest_token}`, 'content-type': 'application/x-ndjson' }, payload: ndjson });
    expect(res.statusCode).toBe(202);
    expect(res.json().accepted).toBe(2);
    expect((await stored('nd-1'))?.author).toBe('x\uFFFD');
  });
});

describe('hostile input on other routes', () => {
  it.each([
    ['a watchlist name with NUL', 'POST', '/api/v1/watchlists', { name: 'Wl\u0000 nul', query: 'acme' }],
    ['a watchlist name with a lone surrogate', 'POST', '/api/v1/watchlists', { name: 'Surrogate \ud800', query: 'acme' }],
    ['a group name with NUL', 'POST', '/api/v1/groups', { name: 'G\u0000' }],
  ])('%s is stored cleaned', async (_what, method, url, payload) => {
    const res = await t.app.inject({ method: method as 'POST', url, headers: admin.auth, payload });
    expect(res.statusCode).toBe(201);
    expect(JSON.stringify(res.json())).not.toMatch(/\\u0000|\\ud800/);
  });

  it('login with NUL or lone surrogates in the email is a plain 401', async () => {
    for (const email of ['a\u0000@example.test', '\ud800@example.test']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'whatever-password' } });
      expect(res.statusCode).toBe(401);
    }
  });

  it('refuses config nested 5,000 deep with 400 naming the field', async () => {
    const config = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const payload = `{"kind":"json","name":"deep","url":"https://example.test/feed.json","config":${config}}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: { ...admin.auth, 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toMatch(/^config\.a\.a/);
  });

  it.each(['x', Buffer.from('+275760-09-13T00:00:00.000Z|1').toString('base64url'), Buffer.from('2024-01-01T00:00:00.000Z|99999999999999999999').toString('base64url'),
    Buffer.from('-271821-04-20T00:00:00.000Z|1').toString('base64url'), '%00'])('refuses a crafted cursor %s with 400', async (cursor) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/mentions?cursor=${encodeURIComponent(cursor)}`, headers: admin.auth });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('cursor');
  });

  it.each([
    ['/api/v1/watchlists', { name: '   ', query: 'acme' }],
    ['/api/v1/sources', { kind: 'push', name: '    ' }],
    ['/api/v1/groups', { name: '   ' }],
    ['/api/v1/escalation-policies', { name: '   ', steps: [{ delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['ws'] }] }],
  ])('refuses a name of only spaces on %s with 400 naming it', async (url, payload) => {
    const res = await t.app.inject({ method: 'POST', url, headers: admin.auth, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('name');
  });
});
