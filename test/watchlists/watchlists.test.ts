import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';

let t: TestApp;
let admin: TestUser;
let comms: TestUser;
let pushToken: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, 'admin');
  comms = await createUser(t, 'comms');
  pushToken = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'p' } })).json().ingest_token;
  await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${pushToken}` }, payload: { mentions: [
    { external_id: '1', text: 'Appel au boycott de Crèmerie Dupont après le scandale' },
    { external_id: '2', text: 'Les boycotts continuent contre CREMERIE DUPONT' },
    { external_id: '3', text: 'Crèmerie Dupont ouvre un nouveau magasin' },
    { external_id: '4', text: 'Rien à voir avec le sujet' },
  ] } });
});
afterAll(async () => t?.close());

describe('watchlists API', () => {
  it('creates, reads, updates and deletes a watchlist, with an audit trail', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: 'Dupont', query: '"crèmerie dupont"', risk_terms: [{ term: 'lait contaminé', weight: 3 }] } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/watchlists/${id}`, headers: admin.auth, payload: { query: 'dupont AND boycott*' } });
    expect(patched.json()).toMatchObject({ query: 'dupont AND boycott*', risk_terms: [{ term: 'lait contaminé', weight: 3 }] });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/watchlists/${id}`, headers: comms.auth })).json().name).toBe('Dupont');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/watchlists/${id}`, headers: admin.auth })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/watchlists/${id}`, headers: admin.auth })).statusCode).toBe(404);
    const trail = await t.db.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('id').execute();
    expect(trail.map((r) => r.action)).toEqual(['watchlist.created', 'watchlist.updated', 'watchlist.deleted']);
  });

  it.each([
    ['acme AND', 8],
    ['(acme OR dupont', 0],
    ['"unterminated', 0],
    ['acme OR OR dupont', 8],
  ])('returns 400 with the position for the syntax error in %s', async (query, position) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: `bad ${query}`, query } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'query_syntax', field: 'query', position: expect.any(Number) });
    expect(Math.abs(res.json().error.position - position)).toBeLessThanOrEqual(3);
    expect(res.json().error.message).toMatch(/position \d+/);
  });

  it('tests a query against recent mentions: accent, case and stem insensitive, with NOT', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/watchlists/test', headers: admin.auth, payload: { query: '"cremerie dupont" AND boycott NOT magasin' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().matched).toBe(2);
    expect(res.json().samples.map((s: { text: string }) => s.text).sort()).toEqual([
      'Appel au boycott de Crèmerie Dupont après le scandale',
      'Les boycotts continuent contre CREMERIE DUPONT',
    ]);
  });

  it('only admin and crisis may edit; names are unique', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: comms.auth, payload: { name: 'x', query: 'x' } })).statusCode).toBe(403);
    await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: 'Unique', query: 'x' } });
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: 'unique', query: 'y' } });
    expect(dup.statusCode).toBe(409);
  });

  it('new watchlists apply to mentions ingested afterwards', async () => {
    const wl = (await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: 'Later', query: 'zeppelin' } })).json();
    await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${pushToken}` }, payload: { mentions: [{ external_id: 'z', text: 'A zeppelin over Paris' }] } });
    const list = (await t.app.inject({ method: 'GET', url: `/api/v1/mentions?watchlist_id=${wl.id}`, headers: admin.auth })).json();
    expect(list.items.map((m: { external_id: string }) => m.external_id)).toEqual(['z']);
  });
});
