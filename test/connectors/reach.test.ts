// Reach weighs: a negative post from an account with 200k followers, collected by a connector, counts more in
// the watchlist's risk sum and makes the alert it stands behind more severe than the same post from a small account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { candidate, createWatchlist } from '../support/alerts.js';
import { JSON_API_TOKEN, startSocialServer, type SocialServer } from './social-server.js';

let t: TestApp;
let admin: TestUser;
let net: SocialServer;

beforeAll(async () => {
  net = await startSocialServer();
  t = await createTestApp({ 'collectors.min_poll_interval_seconds': 1 });
  admin = await createUser(t, 'admin');
});
afterAll(async () => {
  await t?.close();
  await net?.close();
});

describe('reach and engagement', () => {
  it('a high-reach negative post weighs more in the buckets and raises the alert severity', async () => {
    const big = await createWatchlist(t, admin, 'fizzco');
    const small = await createWatchlist(t, admin, 'buzzco');
    const at = new Date(Date.now() - 60_000).toISOString();
    const text = (brand: string) => `Boycott ${brand}: a scandal, a terrible fraud, the worst company ever`;
    net.json.push(
      { id: 'big', body: text('Fizzco'), user: { name: 'famous', followers: 200_000 }, link: 'https://social.example/p/big', created: at, stats: { likes: 0 } },
      { id: 'small', body: text('Buzzco'), user: { name: 'nobody', followers: 10 }, link: 'https://social.example/p/small', created: at, stats: { likes: 0 } },
    );
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/sources', headers: admin.auth,
      payload: { kind: 'json', name: 'Social', url: net.url('/json/posts'), config: { headers: { Authorization: JSON_API_TOKEN }, mapping: { items: '/data/posts', id: '/id', text: '/body', author: '/user/name', date: '/created', followers: '/user/followers', likes: '/stats/likes' } } },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/sources/${res.json().id}/poll`, headers: admin.auth })).json()).toMatchObject({ ok: true, accepted: 2 });

    const mentions = await t.db.database.db.selectFrom('mentions').select(['external_id', 'label', 'risk', 'author_followers']).where('source_id', '=', res.json().id).execute();
    expect(mentions.every((m) => m.label === 'negative' && m.risk > 0)).toBe(true);
    const riskSum = async (wl: string) => Number((await t.db.database.db.selectFrom('buckets').select((eb) => eb.fn.sum<number>('risk_sum').as('s')).where('watchlist_id', '=', wl).executeTakeFirstOrThrow()).s);
    const bigRisk = await riskSum(big);
    const smallRisk = await riskSum(small);
    expect(bigRisk / smallRisk).toBeGreaterThan(3);

    const window = { start: new Date(Date.now() - 300_000).toISOString(), end: new Date().toISOString() };
    const raise = (wl: string) => t.services.alerts.raise(wl, candidate({ explanation: { ...candidate().explanation, window } }, 'medium'));
    expect((await raise(big))?.severity).toBe('critical');
    expect((await raise(small))?.severity).toBe('medium');
  });
});
