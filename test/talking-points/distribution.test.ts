// Publishing distributes a point in the same transaction: receipts for every ambassador in the audience
// (flagged first when they reported signals linked to the incident), one talking_point.published stream
// event, and one outbox email per recipient. Ambassadors confirm reading; comms see who did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TalkingPointMessage } from '../../src/notify/types.js';
import type { FeedItem, Recipient, TalkingPointView } from '../../src/talking-points/types.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { advance, call, draft, insertAlert, insertIncident, insertWatchlist, tp } from './support.js';

let t: TestApp;
let admin: TestUser;
let crisis: TestUser;
let comms: TestUser;
let comms2: TestUser;
let lyon1: TestUser; // team Lyon, French, reported a signal on the incident's watchlist
let lyon2: TestUser; // team Lyon + English group, reported a signal on that watchlist long before
let english: TestUser; // English group, whose signal is one of the alert's sample mentions
let outsider: TestUser; // in no group
let disabled: TestUser; // team Lyon, disabled
let lyonGroup: string;
let englishGroup: string;
let incidentId: string;

const db = () => t.db.database.db;

async function reportSignal(user: TestUser, payload: object): Promise<{ id: string; mention_id: number }> {
  const res = await call(t, user, 'POST', '/api/v1/signals', { severity: 'high', ...payload });
  expect(res.status).toBe(201);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp({ public_url: 'https://pilotfish.example' });
  // This file inspects the outbox rows exactly as publishing writes them, so the worker is paused here;
  // delivery.test.ts runs it against a real SMTP server.
  t.services.outbox.tick = async () => 0;
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis');
  comms = await createUser(t, 'comms');
  comms2 = await createUser(t, 'comms');
  lyon1 = await createUser(t, 'ambassador', { name: 'Alice Lyon', lang: 'fr' });
  lyon2 = await createUser(t, 'ambassador', { name: 'Bob Lyon', lang: 'en' });
  english = await createUser(t, 'ambassador', { name: 'Carla English', lang: 'en' });
  outsider = await createUser(t, 'ambassador', { name: 'Dan Outsider' });
  disabled = await createUser(t, 'ambassador', { name: 'Eve Disabled' });
  await call(t, admin, 'PATCH', `/api/v1/users/${disabled.id}`, { disabled: true });

  lyonGroup = (await call(t, admin, 'POST', '/api/v1/groups', { name: 'Lyon', kind: 'team' })).body.id;
  englishGroup = (await call(t, admin, 'POST', '/api/v1/groups', { name: 'English speakers', kind: 'language' })).body.id;
  await call(t, admin, 'POST', `/api/v1/groups/${lyonGroup}/members`, { user_ids: [lyon1.id, lyon2.id, disabled.id, comms2.id] });
  await call(t, admin, 'POST', `/api/v1/groups/${englishGroup}/members`, { user_ids: [lyon2.id, english.id] });

  const watchlistId = await insertWatchlist(t);
  await reportSignal(lyon1, { text: 'Des clients se plaignent du lot 12', watchlist_id: watchlistId });
  const old = await reportSignal(lyon2, { text: 'Old unrelated worry', watchlist_id: watchlistId });
  await db().updateTable('signals').set({ created_at: new Date(Date.now() - 10 * 86400_000) }).where('id', '=', old.id).execute();
  const sample = await reportSignal(english, { text: 'Customers talk about sick children' });
  await reportSignal(outsider, { text: 'Also worried', watchlist_id: watchlistId });

  incidentId = await insertIncident(t, 'Rappel lot 12');
  await insertAlert(t, { watchlistId, incidentId, sampleMentionIds: [sample.mention_id] });
});
afterAll(async () => t?.close());

async function publishedPoint(payload: object = {}) {
  const point = await draft(t, crisis, {
    incident_id: incidentId, audience: { group_ids: [lyonGroup, englishGroup] }, shareable: true,
    variants: { en: { title: 'Three batches recalled', body: 'As a precaution, three batches are recalled.' } },
    suggested_posts: [{ network: 'linkedin', text: 'Trois lots rappelés par précaution.' }],
    ...payload,
  });
  return advance(t, point.id, crisis, comms, 'published');
}

describe('publishing to groups', () => {
  let point: TalkingPointView;
  beforeAll(async () => {
    point = await publishedPoint();
  });

  it('sends to the enabled ambassadors of the groups, flagging the signal reporters first', async () => {
    const receipts = (await call(t, comms, 'GET', tp(point.id, 'receipts'))).body;
    expect(receipts).toMatchObject({ sent: 3, read: 0, unread: 3 });
    expect(receipts.recipients.map((r: Recipient) => [r.name, r.priority])).toEqual([
      ['Alice Lyon', true], ['Carla English', true], ['Bob Lyon', false],
    ]);
    expect(receipts.recipients[0]).toMatchObject({ user_id: lyon1.id, email: lyon1.email, read_at: null });
  });

  it('announces it once on the stream to the editorial roles and the recipients', async () => {
    const events = await db().selectFrom('events').selectAll().where('type', '=', 'talking_point.published').execute();
    const mine = events.filter((e) => e.data.id === point.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.roles.sort()).toEqual(['admin', 'comms', 'crisis']);
    expect(mine[0]!.user_ids!.sort()).toEqual([lyon1.id, lyon2.id, english.id].sort());
    expect(mine[0]!.data).toMatchObject({ id: point.id, status: 'published', title: point.title, version: 1 });
  });

  it('queues one email per recipient in their language, flagged ones due first', async () => {
    const rows = await db().selectFrom('notifications').selectAll().where('talking_point_id', '=', point.id).orderBy('next_attempt_at').execute();
    expect(rows).toHaveLength(3);
    const byUser = new Map(rows.map((r) => [r.user_id, r]));
    const alice = byUser.get(lyon1.id)!;
    expect(alice).toMatchObject({ channel: 'email', recipient: lyon1.email, status: 'pending', idempotency_key: `tp:${point.id}:${lyon1.id}:email` });
    expect(alice.payload).toMatchObject({ kind: 'talking_point', lang: 'fr', message: { id: point.id, title: 'Rappel de trois lots', lang: 'fr', url: `https://pilotfish.example/#/talking-points/${point.id}`, incidentTitle: 'Rappel lot 12', supersedes: null, shareable: true } });
    expect(byUser.get(lyon2.id)!.payload).toMatchObject({ lang: 'en', message: { title: 'Three batches recalled', lang: 'en' } });
    const bob = byUser.get(lyon2.id)!;
    expect(bob.next_attempt_at.getTime() - alice.next_attempt_at.getTime()).toBe(1000);
    expect(byUser.get(english.id)!.next_attempt_at.getTime()).toBe(alice.next_attempt_at.getTime());
  });

  it('lets a recipient confirm reading once, and nobody else', async () => {
    const first = await call(t, lyon1, 'POST', tp(point.id, 'ack'));
    expect(first.status).toBe(200);
    expect(first.body.talking_point_id).toBe(point.id);
    const again = await call(t, lyon1, 'POST', tp(point.id, 'ack'));
    expect(again.body.read_at).toBe(first.body.read_at);
    const refused = await call(t, outsider, 'POST', tp(point.id, 'ack'));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/not sent to you/);

    const receipts = (await call(t, comms, 'GET', tp(point.id, 'receipts'))).body;
    expect(receipts).toMatchObject({ sent: 3, read: 1, unread: 2 });
    expect(receipts.recipients.find((r: Recipient) => r.user_id === lyon1.id).read_at).toBe(first.body.read_at);
    expect((await call(t, lyon1, 'GET', tp(point.id, 'receipts'))).status).toBe(403);
  });

  it('shows the point in the recipients\' feeds and to them by id, not to others', async () => {
    const feed = (await call(t, lyon2, 'GET', '/api/v1/talking-points/feed')).body.items;
    expect(feed.map((p: FeedItem) => [p.id, p.read_at, p.priority])).toEqual([[point.id, null, false]]);
    expect((await call(t, outsider, 'GET', '/api/v1/talking-points/feed')).body.items).toEqual([]);
    const opened = (await call(t, english, 'GET', tp(point.id))).body;
    expect(opened).toMatchObject({ id: point.id, read_at: null, priority: true, history: [] });
    expect((await call(t, outsider, 'GET', tp(point.id))).status).toBe(404);
  });
});

describe('a new version', () => {
  it('supersedes the old one, notifies everyone again and resets reading', async () => {
    const v1 = await publishedPoint({ title: 'Première version' });
    await call(t, lyon1, 'POST', tp(v1.id, 'ack'));
    const v2 = (await call(t, comms2, 'PATCH', tp(v1.id), { title: 'Deuxième version' })).body;
    await advance(t, v2.id, comms2, comms, 'published');

    expect((await call(t, comms, 'GET', tp(v1.id))).body.status).toBe('superseded');
    const receipts = (await call(t, comms, 'GET', tp(v2.id, 'receipts'))).body;
    expect(receipts).toMatchObject({ sent: 3, read: 0, unread: 3 });
    const emails = await db().selectFrom('notifications').select(['user_id', 'payload', 'idempotency_key']).where('talking_point_id', '=', v2.id).execute();
    expect(emails).toHaveLength(3);
    expect(emails.every((e) => (e.payload as { message: TalkingPointMessage }).message.supersedes === v1.id && (e.payload as { message: TalkingPointMessage }).message.version === 2)).toBe(true);
    const events = await db().selectFrom('events').select('data').where('type', '=', 'talking_point.published').execute();
    expect(events.filter((e) => e.data.lineage_id === v1.lineage_id).map((e) => e.data.version)).toEqual([1, 2]);

    const feed = (await call(t, lyon1, 'GET', '/api/v1/talking-points/feed')).body.items.map((p: FeedItem) => p.id);
    expect(feed).toContain(v2.id);
    expect(feed).not.toContain(v1.id);
    const late = await call(t, lyon2, 'POST', tp(v1.id, 'ack'));
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/newer version/);
    // The old link still opens, showing the ambassador it was replaced.
    expect((await call(t, lyon2, 'GET', tp(v1.id))).body.status).toBe('superseded');
  });
});

describe('audience and lifecycle edges', () => {
  it('sends a point for all ambassadors to every enabled ambassador', async () => {
    const point = await publishedPoint({ audience: { all: true } });
    const receipts = (await call(t, comms, 'GET', tp(point.id, 'receipts'))).body;
    expect(receipts.recipients.map((r: Recipient) => r.user_id).sort()).toEqual([lyon1.id, lyon2.id, english.id, outsider.id].sort());
    // The outsider's signal is on the incident's watchlist too.
    expect(receipts.recipients.filter((r: Recipient) => r.priority).map((r: Recipient) => r.name)).toEqual(['Alice Lyon', 'Carla English', 'Dan Outsider']);
  });

  it('flags nobody for a point linked to no incident or alert', async () => {
    const point = await publishedPoint({ incident_id: null });
    const receipts = (await call(t, comms, 'GET', tp(point.id, 'receipts'))).body;
    expect(receipts.recipients.some((r: Recipient) => r.priority)).toBe(false);
  });

  it('refuses to confirm a draft, and retiring removes the point from feeds and cancels unsent emails', async () => {
    const pending = await draft(t, crisis);
    const ack = await call(t, lyon1, 'POST', tp(pending.id, 'ack'));
    expect(ack.status).toBe(409);
    expect(ack.body.error.message).toMatch(/only published/);

    const point = await publishedPoint();
    expect((await call(t, lyon2, 'GET', '/api/v1/talking-points/feed')).body.items.map((p: FeedItem) => p.id)).toContain(point.id);
    await call(t, comms, 'POST', tp(point.id, 'retire'));
    expect((await call(t, lyon2, 'GET', '/api/v1/talking-points/feed')).body.items.map((p: FeedItem) => p.id)).not.toContain(point.id);
    const statuses = await db().selectFrom('notifications').select('status').where('talking_point_id', '=', point.id).execute();
    expect(statuses.map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect((await call(t, lyon2, 'POST', tp(point.id, 'ack'))).status).toBe(409);
  });
});
