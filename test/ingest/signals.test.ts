import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';

let t: TestApp;
let admin: TestUser;
let crisis: TestUser;
let ambassador: TestUser;
let watchlistId: string;

beforeAll(async () => {
  t = await createTestApp({ 'signals.rate_limit_per_hour': 5 });
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis');
  ambassador = await createUser(t, 'ambassador', { name: 'Amina' });
  watchlistId = (await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: 'Brand', query: 'brandx' } })).json().id;
});
afterAll(async () => t?.close());

describe('ambassador signals', () => {
  it('stores a signal as an ambassador mention plus its severity, channel and URL', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/signals', headers: ambassador.auth, payload: {
      text: 'Des clients parlent d\'intoxication après le dernier lot BrandX', url: 'https://social.example/post/1', channel: 'facebook', severity: 'high',
    } });
    expect(res.statusCode).toBe(201);
    const signal = res.json();
    expect(signal).toMatchObject({ severity: 'high', channel: 'facebook', url: 'https://social.example/post/1', reporter: { id: ambassador.id, name: 'Amina' }, watchlist_ids: [watchlistId] });
    const mention = await t.db.database.db.selectFrom('mentions as m').innerJoin('sources as s', 's.id', 'm.source_id')
      .select(['s.kind', 'm.text', 'm.risk', 'm.watchlist_ids']).where('m.id', '=', signal.mention_id).executeTakeFirstOrThrow();
    expect(mention).toMatchObject({ kind: 'ambassador', watchlist_ids: [watchlistId] });
    expect(mention.risk).toBeGreaterThan(0);
    const bucket = await t.db.database.db.selectFrom('buckets').selectAll().where('watchlist_id', '=', watchlistId).executeTakeFirstOrThrow();
    expect(bucket).toMatchObject({ ambassador_reports: 1, ambassadors: [ambassador.id] });
  });

  it('files a signal under the watchlist the ambassador chose even if the text does not match it', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/signals', headers: ambassador.auth, payload: { text: 'Rumeur de rappel produit', severity: 'critical', watchlist_id: watchlistId } });
    expect(res.json().watchlist_ids).toEqual([watchlistId]);
    const bucket = await t.db.database.db.selectFrom('buckets').select(['critical_reports', 'ambassador_reports']).where('watchlist_id', '=', watchlistId).executeTakeFirstOrThrow();
    expect(bucket.critical_reports).toBe(1);
    expect(bucket.ambassador_reports).toBe(2);
  });

  it('emits signal.reported for crisis users and the reporter, not for other ambassadors', async () => {
    const events = await t.db.database.db.selectFrom('events').selectAll().where('type', '=', 'signal.reported').execute();
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]!.roles).toEqual(expect.arrayContaining(['crisis', 'admin']));
    expect(events[0]!.roles).not.toContain('ambassador');
    expect(events[0]!.user_ids).toEqual([ambassador.id]);
    expect(events[0]!.data).toMatchObject({ severity: 'high', reporter: { id: ambassador.id } });
  });

  it('validates the form and names the field', async () => {
    const cases: [object, string][] = [
      [{ severity: 'high' }, 'text'],
      [{ text: 'x', severity: 'apocalyptic' }, 'severity'],
      [{ text: 'x', severity: 'low', url: 'not a url' }, 'url'],
      [{ text: 'x', severity: 'low', watchlist_id: '00000000-0000-4000-8000-000000000000' }, 'watchlist_id'],
    ];
    for (const [payload, field] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/signals', headers: crisis.auth, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/signals', payload: { text: 'x', severity: 'low' } })).statusCode).toBe(401);
  });

  it('is rate-limited per user', async () => {
    const other = await createUser(t, 'ambassador');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/api/v1/signals', headers: other.auth, payload: { text: `report ${i}`, severity: 'low' } })).statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another user is not affected by that limit.
    const third = await createUser(t, 'ambassador');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/signals', headers: third.auth, payload: { text: 'fine', severity: 'low' } })).statusCode).toBe(201);
  });

  it('lets an ambassador list only their own signals', async () => {
    const mine = (await t.app.inject({ method: 'GET', url: '/api/v1/signals', headers: ambassador.auth })).json().items;
    expect(mine.length).toBe(2);
    expect(mine.every((s: { reporter: { id: string } }) => s.reporter.id === ambassador.id)).toBe(true);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/signals', headers: crisis.auth })).json().items;
    expect(all.length).toBeGreaterThan(mine.length);
  });
});
