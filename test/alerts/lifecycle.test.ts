import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { candidate, createPolicy, createWatchlist } from '../support/alerts.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { waitUntil } from '../support/live.js';
import { manualClock } from '../../src/shared/clock.js';

let t: TestApp;
let smtp: TestSmtpServer;
let admin: TestUser;
let crisis: TestUser;
let crisis2: TestUser;
let comms: TestUser;
let wl: string;
// Time moves only when a test advances it: escalation delays, snoozes and acknowledgement timeouts are
// functions of this clock, so nothing here sleeps. It starts at the real time because the database stamps
// some rows (created_at) itself.
const clock = manualClock(Date.now());

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ 'alerts.ack_timeout_minutes': 30 }, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://pilotfish.example' }, { clock });
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis', { lang: 'fr' });
  crisis2 = await createUser(t, 'crisis', { lang: 'en' });
  comms = await createUser(t, 'comms');
  wl = await createWatchlist(t, admin);
  await createPolicy(t, admin, { is_default: true, steps: [
    { delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['ws', 'email'] },
    { delay_minutes: 0.02, targets: [{ role: 'admin' }, { email: 'duty@example.org' }], channels: ['ws', 'email'] },
  ] });
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

const get = (id: string, user = crisis) => t.app.inject({ method: 'GET', url: `/api/v1/alerts/${id}`, headers: user.auth });
const post = (path: string, user: TestUser, payload?: object) => t.app.inject({ method: 'POST', url: path, headers: user.auth, ...(payload ? { payload } : {}) });

describe('raising', () => {
  it('turns a candidate into one alert per episode, however often it is raised', async () => {
    const c = candidate();
    const [a, b] = await Promise.all([t.services.alerts.raise(wl, c), t.services.alerts.raise(wl, c)]);
    const created = [a, b].filter(Boolean);
    expect(created).toHaveLength(1);
    expect(await t.services.alerts.raise(wl, c)).toBeNull();
    const rows = await t.db.database.db.selectFrom('alerts').select('id').where('episode_key', '=', c.episodeKey).execute();
    expect(rows).toHaveLength(1);
    const detail = (await get(rows[0]!.id)).json();
    expect(detail).toMatchObject({ kind: 'negative_surge', severity: 'high', status: 'open', watchlist_id: wl, explanation: { top_terms: ['boycott', 'scandale'] } });
    expect(detail.timeline.map((e: { type: string }) => e.type).slice(0, 2)).toEqual(['raised', 'notified']);
  });

  it('emails the first step to every crisis user in their language, with the explanation and a link', async () => {
    const view = await t.services.alerts.raise(wl, candidate({ explanation: { ...candidate().explanation, summary: 'Boycott calls spreading' } }));
    await waitUntil(async () => smtp.messages.filter((m) => m.text?.includes(view!.id)).length >= 2 && true);
    const mails = smtp.messages.filter((m) => m.text?.includes(view!.id));
    expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual([crisis.email, crisis2.email].sort());
    const fr = mails.find((m) => m.envelope.to[0] === crisis.email)!;
    const en = mails.find((m) => m.envelope.to[0] === crisis2.email)!;
    expect(fr.subject).toMatch(/ÉLEVÉE|Élevée|élevée/i);
    expect(en.subject).toMatch(/HIGH/i);
    expect(en.text).toContain('Boycott calls spreading');
    expect(en.text).toContain(`https://pilotfish.example/#/alerts/${view!.id}`);
    // The mail server has them; the outbox records "sent" just after: wait for that too.
    const detail = await waitUntil(async () => {
      const d = (await get(view!.id)).json();
      return d.notifications.filter((n: { status: string }) => n.status === 'sent').length === 2 ? d : null;
    });
    expect(detail.notifications.map((n: { recipient: string }) => n.recipient).sort()).toEqual([crisis.email, crisis2.email].sort());
  });
});

describe('acknowledge, resolve, snooze', () => {
  it('acknowledging cancels the pending escalation step: nobody else is paged', async () => {
    const view = (await t.services.alerts.raise(wl, candidate()))!;
    const ack = await post(`/api/v1/alerts/${view.id}/ack`, crisis, { note: 'on it' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledged_by: { id: crisis.id }, escalation: { next_at: null } });
    clock.advance(1500); // past step 2's delay (0.02 min)
    await t.services.alerts.tick();
    await t.services.outbox.tick();
    const detail = (await get(view.id)).json();
    expect(detail.timeline.map((e: { type: string }) => e.type)).not.toContain('escalated');
    expect(detail.notifications.every((n: { recipient: string }) => n.recipient !== admin.email)).toBe(true);
    expect((await post(`/api/v1/alerts/${view.id}/ack`, crisis)).statusCode).toBe(409);
  });

  it('escalates to the next step when nobody acknowledges in time', async () => {
    const view = (await t.services.alerts.raise(wl, candidate()))!;
    clock.advance(1500);
    const { escalated } = await t.services.alerts.tick();
    expect(escalated).toBeGreaterThanOrEqual(1);
    await waitUntil(async () => smtp.messages.some((m) => m.envelope.to.includes('duty@example.org') && m.text?.includes(view.id)));
    const detail = (await get(view.id)).json();
    expect(detail.timeline.map((e: { type: string }) => e.type)).toContain('escalated');
    expect(detail.notifications.map((n: { recipient: string }) => n.recipient)).toEqual(expect.arrayContaining([admin.email, 'duty@example.org']));
    const escalationMail = smtp.messages.find((m) => m.envelope.to.includes(admin.email) && m.text?.includes(view.id))!;
    expect(escalationMail.subject).toMatch(/escalat|escalade/i);
  });

  it('only crisis and admin may act; comms can read', async () => {
    const view = (await t.services.alerts.raise(wl, candidate()))!;
    expect((await post(`/api/v1/alerts/${view.id}/ack`, comms)).statusCode).toBe(403);
    expect((await get(view.id, comms)).statusCode).toBe(200);
    const amb = await createUser(t, 'ambassador');
    expect((await get(view.id, amb)).statusCode).toBe(403);
  });

  it('resolves, and a resolved alert never pages again', async () => {
    const view = (await t.services.alerts.raise(wl, candidate()))!;
    const res = await post(`/api/v1/alerts/${view.id}/resolve`, crisis, { reason: 'false alarm' });
    expect(res.json()).toMatchObject({ status: 'resolved', resolved_by: { id: crisis.id }, resolve_reason: 'false alarm' });
    await t.services.alerts.tick(new Date(clock.now().getTime() + 3600_000));
    const notes = await t.db.database.db.selectFrom('notifications').select(['step_index', 'status']).where('alert_id', '=', view.id).execute();
    expect(notes.every((n) => n.step_index === 0)).toBe(true);
    expect((await post(`/api/v1/alerts/${view.id}/snooze`, crisis, { until: new Date(clock.now().getTime() + 60_000).toISOString() })).statusCode).toBe(409);
  });

  it('snoozes and re-opens when the snooze ends; an acknowledgement times out and re-opens', async () => {
    const view = (await t.services.alerts.raise(wl, candidate()))!;
    const until = new Date(clock.now().getTime() + 60_000);
    expect((await post(`/api/v1/alerts/${view.id}/snooze`, crisis, { until: until.toISOString() })).json()).toMatchObject({ status: 'snoozed' });
    expect((await post(`/api/v1/alerts/${view.id}/snooze`, crisis, { until: new Date(clock.now().getTime() - 1000).toISOString() })).json().error.field).toBe('until');
    await t.services.alerts.tick(new Date(until.getTime() + 1000));
    expect((await get(view.id)).json().status).toBe('open');
    await post(`/api/v1/alerts/${view.id}/ack`, crisis);
    await t.services.alerts.tick(new Date(clock.now().getTime() + 31 * 60_000));
    const detail = (await get(view.id)).json();
    expect(detail.status).toBe('open');
    expect(detail.timeline.filter((e: { type: string }) => e.type === 'reopened').map((e: { details: { reason: string } }) => e.details.reason))
      .toEqual(['snooze ended', 'acknowledgement timed out']);
  });

  it('auto-resolves when the detector says the episode is over', async () => {
    const c = candidate();
    const view = (await t.services.alerts.raise(wl, c))!;
    await t.services.alerts.episodeEnded(wl, { kind: c.kind, episodeKey: c.episodeKey, at: Date.now() });
    const detail = (await get(view.id)).json();
    expect(detail).toMatchObject({ status: 'resolved', resolve_reason: 'episode ended' });
    expect(detail.episode_ended_at).not.toBeNull();
  });

  it('lists alerts by status with cursor paging', async () => {
    const page = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?status=open,acknowledged&limit=2', headers: crisis.auth })).json();
    expect(page.items).toHaveLength(2);
    expect(page.items.every((a: { status: string }) => ['open', 'acknowledged'].includes(a.status))).toBe(true);
    const next = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts?status=open,acknowledged&limit=2&cursor=${page.next_cursor}`, headers: crisis.auth })).json();
    expect(next.items.map((a: { id: string }) => a.id)).not.toContain(page.items[0].id);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/alerts?status=bogus', headers: crisis.auth })).statusCode).toBe(400);
  });
});

describe('incidents', () => {
  it('groups alerts under a declared incident', async () => {
    const a = (await t.services.alerts.raise(wl, candidate()))!;
    const b = (await t.services.alerts.raise(wl, candidate({ kind: 'volume_spike' })))!;
    const res = await post('/api/v1/incidents', crisis, { title: 'Rappel produit lot 42', alert_ids: [a.id, b.id] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ title: 'Rappel produit lot 42', status: 'open', declared_by: { id: crisis.id } });
    expect(res.json().alert_ids.sort()).toEqual([a.id, b.id].sort());
    expect((await get(a.id)).json().incident_id).toBe(res.json().id);
    const bad = await post('/api/v1/incidents', crisis, { title: 'x', alert_ids: ['00000000-0000-4000-8000-000000000000'] });
    expect(bad.json().error.field).toBe('alert_ids');
    const closed = await t.app.inject({ method: 'PATCH', url: `/api/v1/incidents/${res.json().id}`, headers: crisis.auth, payload: { status: 'closed' } });
    expect(closed.json().closed_at).not.toBeNull();
  });
});
