// Web Push end to end against a local push service that decrypts what we send (RFC 8291) and checks
// our VAPID signature (RFC 8292): published talking points reach the ambassadors' devices in their
// language, crisis members who opted in get alerts, expired devices are removed, timeouts are retried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { candidate } from '../support/alerts.js';
import { startFakePushService, type FakePushService } from '../support/fake-push-service.js';
import { waitUntil } from '../support/live.js';
import { advance, call, draft, insertWatchlist } from '../talking-points/support.js';

describe('push notifications', () => {
  let t: TestApp;
  let pushService: FakePushService;
  let author: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    [t, pushService] = await Promise.all([createTestApp({}, { PUSH_TIMEOUT_MS: '500', OUTBOX_MAX_ATTEMPTS: '3' }), startFakePushService()]);
    author = await createUser(t, 'comms');
    reviewer = await createUser(t, 'comms');
  });
  afterAll(async () => {
    await t?.close();
    await pushService?.close();
  });

  async function subscribe(user: TestUser, sub: object, extra: object = {}) {
    return call(t, user, 'POST', '/api/v1/push/subscriptions', { ...sub, ...extra });
  }

  it('pushes a published point to each subscribed device, encrypted, signed and in the user\'s language', async () => {
    const ines = await createUser(t, 'ambassador', { lang: 'fr' });
    const ben = await createUser(t, 'ambassador', { lang: 'en' });
    const phone = pushService.subscribe();
    const tablet = pushService.subscribe();
    const bensPhone = pushService.subscribe();
    expect((await subscribe(ines, phone)).status).toBe(201);
    expect((await subscribe(ines, tablet)).status).toBe(201);
    expect((await subscribe(ben, bensPhone)).status).toBe(201);
    const key = (await call(t, ines, 'GET', '/api/v1/push/key')).body.public_key as string;

    const point = await draft(t, author, { title: 'Recall of three batches', body: 'Three batches are recalled as a precaution. Stores have been told.', variants: { fr: { title: 'Rappel de trois lots', body: 'Trois lots sont rappelés par précaution.' } } });
    await advance(t, point.id, author, reviewer, 'published');
    const got = await waitUntil(async () => (pushService.received.length >= 3 ? pushService.received : null), 10_000);
    expect(pushService.failures).toEqual([]);
    const bySub = new Map(got.map((r) => [r.subscription, r]));
    const idOf = (endpoint: string) => endpoint.split('/').pop()!;
    expect(bySub.get(idOf(phone.endpoint))!.payload).toMatchObject({ title: 'Élément de langage : Rappel de trois lots', body: 'Trois lots sont rappelés par précaution.' });
    expect(bySub.get(idOf(tablet.endpoint))!.payload.title).toBe('Élément de langage : Rappel de trois lots');
    const english = bySub.get(idOf(bensPhone.endpoint))!;
    expect(english.payload).toMatchObject({ title: 'Talking point: Recall of three batches', tag: `tp-${point.lineage_id}` });
    expect(english.payload.url).toMatch(new RegExp(`/#/field/point/${point.id}$`));
    expect(english.vapidKey).toBe(key);
    expect(english.headers.urgency).toBe('high');
    // The outbox records each delivery once the push service accepted it.
    await waitUntil(async () => {
      const rows = await t.db.database.db.selectFrom('notifications').select('status').where('channel', '=', 'push').where('talking_point_id', '=', point.id).execute();
      return rows.length === 3 && rows.every((r) => r.status === 'sent');
    }, 10_000);
  });

  it('removes a device the push service says is gone, and retries one that does not answer', async () => {
    const user = await createUser(t, 'ambassador');
    const gone = pushService.subscribe('gone');
    const stalled = pushService.subscribe('stall');
    await subscribe(user, gone);
    await subscribe(user, stalled);
    const point = await draft(t, author, { title: 'Second statement', body: 'Body.' });
    await advance(t, point.id, author, reviewer, 'published');
    const db = t.db.database.db;
    const outcome = await waitUntil(async () => {
      const rows = await db.selectFrom('notifications').select(['status', 'last_error', 'attempts']).where('talking_point_id', '=', point.id).where('channel', '=', 'push').where('user_id', '=', user.id).execute();
      return rows.length === 2 && rows.every((r) => r.last_error) ? rows : null;
    }, 10_000);
    const failed = outcome.find((r) => r.status === 'failed')!;
    expect(failed.last_error).toMatch(/no longer subscribed.*removed/);
    const retrying = outcome.find((r) => r.status === 'pending')!;
    expect(retrying.last_error).toMatch(/did not answer within 500 ms/);
    const left = await db.selectFrom('push_subscriptions').select('endpoint').where('user_id', '=', user.id).execute();
    expect(left.map((s) => s.endpoint)).toEqual([stalled.endpoint]);
  });

  it('sends new alerts to crisis members who opted in, and only to them', async () => {
    const crisis = await createUser(t, 'crisis', { lang: 'en' });
    const ambassador = await createUser(t, 'ambassador');
    const optedIn = pushService.subscribe();
    expect((await subscribe(crisis, optedIn, { alerts: true })).status).toBe(201);
    const refused = await subscribe(ambassador, pushService.subscribe(), { alerts: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^alerts:/);
    const before = pushService.received.length;
    const watchlist = await insertWatchlist(t);
    const alert = await t.services.alerts.raise(watchlist, candidate({}, 'critical'));
    const got = await waitUntil(async () => pushService.received.slice(before).find((r) => r.subscription === optedIn.endpoint.split('/').pop()), 10_000);
    expect(got.payload.title).toMatch(/^Critical alert: /);
    expect(got.payload.url).toMatch(new RegExp(`/#/alerts/${alert!.id}$`));
  });

  it('refuses subscriptions to private addresses and malformed keys, naming the field', async () => {
    const user = await createUser(t, 'ambassador');
    const good = pushService.subscribe();
    const cases: [object, RegExp][] = [
      [{ ...good, endpoint: 'http://169.254.169.254/push/x' }, /^endpoint: .*not allowed/],
      [{ ...good, endpoint: 'ftp://push.example/x' }, /^endpoint:/],
      [{ ...good, keys: { ...good.keys, p256dh: 'A'.repeat(60) } }, /^keys\.p256dh:/],
      [{ ...good, keys: { ...good.keys, auth: 'short' } }, /auth/],
    ];
    for (const [body, message] of cases) {
      const res = await subscribe(user, body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await t.db.database.db.selectFrom('push_subscriptions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
  });
});
