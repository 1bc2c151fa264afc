// Triage through the API: the list sorted by severity then recency, filters (watchlist, kind, severity, state,
// assignee) with a 400 naming a bad one, related alerts of one watchlist and episode window grouped into one
// incident candidate, assignment to a crisis-team member seen live by every viewer, and the acknowledgement
// note kept on the alert and in its timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { candidate, createWatchlist } from '../support/alerts.js';
import { listen, openStream } from '../support/live.js';
import type { Severity } from '../../src/detection/index.js';

let t: TestApp;
let base: string;
let admin: TestUser;
let crisis: TestUser;
let crisis2: TestUser;
let comms: TestUser;
let ambassador: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t.app);
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis', { name: 'Chloé Crise' });
  crisis2 = await createUser(t, 'crisis', { name: 'Karim Crise' });
  comms = await createUser(t, 'comms');
  ambassador = await createUser(t, 'ambassador');
});
afterAll(async () => t?.close());

const db = () => t.db.database.db;
const get = (url: string, who: TestUser = crisis) => t.app.inject({ method: 'GET', url, headers: who.auth });
const post = (url: string, who: TestUser, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: who.auth, payload });
const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((a) => a.id);

/** Raises an alert and backdates it, so the test controls both order and grouping. */
async function raise(wl: string, severity: Severity, minutesAgo: number, kind: 'negative_surge' | 'volume_spike' = 'negative_surge'): Promise<string> {
  const start = new Date(Date.now() - minutesAgo * 60_000 - 60_000).toISOString();
  const c = candidate({ kind, explanation: { ...candidate().explanation, window: { start, end: new Date(Date.now() - minutesAgo * 60_000).toISOString() } } }, severity);
  const view = await t.services.alerts.raise(wl, c);
  await db().updateTable('alerts').set({ opened_at: new Date(Date.now() - minutesAgo * 60_000) }).where('id', '=', view!.id).execute();
  return view!.id;
}

describe('sort and filters', () => {
  let wl: string;
  let other: string;
  const a: Record<string, string> = {};

  beforeAll(async () => {
    wl = await createWatchlist(t, admin);
    other = await createWatchlist(t, admin);
    a.lowNew = await raise(wl, 'low', 1);
    a.criticalOld = await raise(wl, 'critical', 300);
    a.highMid = await raise(wl, 'high', 100, 'volume_spike');
    a.criticalNew = await raise(other, 'critical', 5);
  });

  it('lists by severity then recency by default, newest first with sort=recent, and pages the same way', async () => {
    const mine = [a.criticalNew, a.criticalOld, a.highMid, a.lowNew];
    const bySeverity = ids(await get('/api/v1/alerts?limit=200')).filter((id) => mine.includes(id!));
    expect(bySeverity).toEqual([a.criticalNew, a.criticalOld, a.highMid, a.lowNew]);
    const recent = ids(await get('/api/v1/alerts?sort=recent&limit=200')).filter((id) => mine.includes(id!));
    expect(recent).toEqual([a.lowNew, a.criticalNew, a.highMid, a.criticalOld]);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/api/v1/alerts?watchlist_id=${wl}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      paged.push(...ids(res));
      cursor = res.json().next_cursor;
    } while (cursor);
    expect(paged).toEqual([a.criticalOld, a.highMid, a.lowNew]);
  });

  it('filters by watchlist, kind, severity, state and assignee', async () => {
    expect(ids(await get(`/api/v1/alerts?watchlist_id=${other}`))).toEqual([a.criticalNew]);
    expect(ids(await get(`/api/v1/alerts?watchlist_id=${wl}&kind=volume_spike`))).toEqual([a.highMid]);
    expect(ids(await get(`/api/v1/alerts?watchlist_id=${wl}&severity=critical`))).toEqual([a.criticalOld]);
    expect((await post(`/api/v1/alerts/${a.lowNew}/ack`, crisis)).statusCode).toBe(200);
    expect(ids(await get(`/api/v1/alerts?watchlist_id=${wl}&status=acknowledged`))).toEqual([a.lowNew]);
    expect(ids(await get(`/api/v1/alerts?watchlist_id=${wl}&status=open,snoozed`))).toEqual([a.criticalOld, a.highMid]);
    expect((await post(`/api/v1/alerts/${a.highMid}/assign`, crisis, { assignee_id: crisis2.id })).statusCode).toBe(200);
    expect(ids(await get(`/api/v1/alerts?watchlist_id=${wl}&assignee_id=${crisis2.id}`))).toEqual([a.highMid]);
    expect(ids(await get(`/api/v1/alerts?watchlist_id=${wl}&assignee_id=none`))).toEqual([a.criticalOld, a.lowNew]);
  });

  it.each([
    ['kind=bogus', 'kind'], ['severity=urgent', 'severity'], ['status=closed', 'status'], ['assignee_id=someone', 'assignee_id'],
    ['watchlist_id=42', 'watchlist_id'], ['sort=oldest', 'sort'], ['group_id=x', 'group_id'], ['cursor=bm9wZQ', 'cursor'],
  ])('refuses %s with a 400 naming the field', async (query, field) => {
    const res = await get(`/api/v1/alerts?${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.field).toBe(field);
  });

  it('lets crisis, comms and admin list, and nobody else', async () => {
    for (const who of [crisis, comms, admin]) expect((await get('/api/v1/alerts', who)).statusCode).toBe(200);
    expect((await get('/api/v1/alerts', ambassador)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/alerts' })).statusCode).toBe(401);
  });
});

describe('grouping', () => {
  it('groups the alerts of one watchlist and episode window, apart from other watchlists and later episodes', async () => {
    const wl = await createWatchlist(t, admin);
    const other = await createWatchlist(t, admin);
    const early = await raise(wl, 'high', 400); // its own story, hours before
    const first = await raise(wl, 'medium', 30);
    const second = await raise(wl, 'critical', 20, 'volume_spike');
    const third = await raise(wl, 'low', 2);
    const elsewhere = await raise(other, 'high', 10);
    const all = (await get('/api/v1/alerts?limit=200')).json().items as { id: string; group_id: string }[];
    const group = (id: string) => all.find((x) => x.id === id)!.group_id;
    expect(group(first)).toBe(first);
    expect([group(second), group(third)]).toEqual([first, first]);
    expect(group(early)).toBe(early);
    expect(group(elsewhere)).toBe(elsewhere);

    // The group, most severe first, and an incident declared from it links all its alerts.
    const members = ids(await get(`/api/v1/alerts?group_id=${first}`));
    expect(members).toEqual([second, first, third]);
    const declared = await post('/api/v1/incidents', crisis, { title: 'One story', alert_ids: members });
    expect(declared.statusCode, declared.body).toBe(201);
    expect([...declared.json().alert_ids].sort()).toEqual([...members].sort());
    const linked = ids(await get(`/api/v1/alerts?incident_id=${declared.json().id}`));
    expect(linked).toEqual([second, first, third]);
  });
});

describe('assignment', () => {
  let wl: string;
  beforeAll(async () => { wl = await createWatchlist(t, admin); });

  it('assigns to a crisis-team member, live for every viewer, and records it in the timeline', async () => {
    const id = await raise(wl, 'high', 1);
    const streams = await Promise.all([openStream(base, crisis2.token), openStream(base, comms.token)]);
    try {
      const res = await post(`/api/v1/alerts/${id}/assign`, crisis, { assignee_id: crisis2.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id, assignee: { id: crisis2.id, name: 'Karim Crise' }, status: 'open' });
      for (const s of streams) {
        const event = await s.waitFor((m) => m.type === 'alert.updated' && m.data.id === id);
        expect(event.data).toMatchObject({ assignee: { id: crisis2.id, name: 'Karim Crise' } });
      }
      const detail = (await get(`/api/v1/alerts/${id}`)).json();
      expect(detail.assignee).toEqual({ id: crisis2.id, name: 'Karim Crise' });
      expect(detail.timeline.at(-1)).toMatchObject({ type: 'assigned', actor: { id: crisis.id }, details: { assignee: { id: crisis2.id, name: 'Karim Crise' } } });

      expect((await post(`/api/v1/alerts/${id}/assign`, admin, { assignee_id: admin.id })).json().assignee.id).toBe(admin.id);
      const cleared = await post(`/api/v1/alerts/${id}/assign`, crisis, { assignee_id: null });
      expect(cleared.json().assignee).toBeNull();
      await streams[1]!.waitFor((m) => m.type === 'alert.updated' && m.data.id === id && m.data.assignee === null);
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
  });

  it('refuses unknown, ambassador, comms and disabled users (400 naming assignee_id), and resolved alerts', async () => {
    const id = await raise(wl, 'high', 1);
    const disabled = await createUser(t, 'crisis');
    await db().updateTable('users').set({ disabled_at: new Date() }).where('id', '=', disabled.id).execute();
    for (const assignee of ['00000000-0000-4000-8000-000000000000', ambassador.id, comms.id, disabled.id, 'not-a-uuid']) {
      const res = await post(`/api/v1/alerts/${id}/assign`, crisis, { assignee_id: assignee });
      expect(res.statusCode, `${assignee}: ${res.body}`).toBe(400);
      expect(res.json().error.field).toBe('assignee_id');
    }
    expect((await post(`/api/v1/alerts/${id}/assign`, crisis, {})).json().error.field).toBe('assignee_id');
    expect((await db().selectFrom('alerts').select('assignee_id').where('id', '=', id).executeTakeFirstOrThrow()).assignee_id).toBeNull();
    await post(`/api/v1/alerts/${id}/resolve`, crisis);
    expect((await post(`/api/v1/alerts/${id}/assign`, crisis, { assignee_id: crisis.id })).statusCode).toBe(409);
    expect((await post('/api/v1/alerts/00000000-0000-4000-8000-000000000000/assign', crisis, { assignee_id: crisis.id })).statusCode).toBe(404);
  });

  it('lets only responders assign', async () => {
    const id = await raise(wl, 'high', 1);
    for (const who of [comms, ambassador]) expect((await post(`/api/v1/alerts/${id}/assign`, who, { assignee_id: crisis.id })).statusCode).toBe(403);
  });
});

describe('acknowledgement note', () => {
  it('is stored on the alert, shown in the detail and in the timeline, and cleared when the alert re-opens', async () => {
    const wl = await createWatchlist(t, admin);
    const id = await raise(wl, 'high', 1);
    const ack = await post(`/api/v1/alerts/${id}/ack`, crisis, { note: '  Calling the plant manager  ' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', ack_note: 'Calling the plant manager' });
    const detail = (await get(`/api/v1/alerts/${id}`, comms)).json();
    expect(detail.ack_note).toBe('Calling the plant manager');
    expect(detail.timeline.find((e: { type: string }) => e.type === 'acknowledged')).toMatchObject({ actor: { id: crisis.id }, details: { note: 'Calling the plant manager' } });
    expect((await post(`/api/v1/alerts/${id}/ack`, crisis2, { note: 'x'.repeat(2001) })).json().error.field).toBe('note');

    await t.services.alerts.tick(new Date(Date.now() + 24 * 3600_000));
    const reopened = (await get(`/api/v1/alerts/${id}`)).json();
    expect(reopened).toMatchObject({ status: 'open', ack_note: null });
    const without = await post(`/api/v1/alerts/${id}/ack`, crisis2);
    expect(without.json()).toMatchObject({ status: 'acknowledged', ack_note: null });
  });
});
