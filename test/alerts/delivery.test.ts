import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { candidate, createPolicy, createWatchlist } from '../support/alerts.js';
import { waitUntil } from '../support/live.js';
import { startSmtpServer } from '../support/smtp.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { manualClock } from '../../src/shared/clock.js';

const SECRET = 'test-webhook-secret-0123456789';

describe('email delivery', () => {
  it('records an email as skipped, not failed, with the reason, when no SMTP server is configured', async () => {
    const t = await createTestApp();
    try {
      const admin = await createUser(t, 'admin');
      await createUser(t, 'crisis');
      const view = (await t.services.alerts.raise(await createWatchlist(t, admin), candidate()))!;
      const detail = await waitUntil(async () => {
        const d = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${view.id}`, headers: admin.auth })).json();
        // Timeline and deliveries are read by separate queries: wait until both show the outcome.
        return d.notifications[0]?.status === 'skipped' && d.timeline.some((e: { type: string }) => e.type === 'notification_skipped') ? d : null;
      });
      expect(detail.notifications[0]).toMatchObject({ channel: 'email', status: 'skipped', last_error: expect.stringMatching(/SMTP is not configured/) });
      const types = detail.timeline.map((e: { type: string }) => e.type);
      expect(types).not.toContain('notification_failed');
      // Not a dead letter: nothing to retry until SMTP is configured.
      const failed = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications?status=failed,dead', headers: admin.auth })).json();
      expect(failed.items.map((n: { alert_id: string }) => n.alert_id)).not.toContain(view.id);
      const skipped = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications?status=skipped', headers: admin.auth })).json();
      expect(skipped.items.map((n: { alert_id: string }) => n.alert_id)).toContain(view.id);
    } finally {
      await t.close();
    }
  });

  it('SMTP down then back: each email is delivered exactly once after recovery', async () => {
    const smtp = await startSmtpServer();
    // Retries are due on the outbox's clock: advancing it stands for the backoff (0.5–1 s) having passed.
    const clock = manualClock(Date.now());
    const t = await createTestApp({ 'outbox.base_delay_seconds': 1, 'outbox.max_delay_seconds': 1 }, { SMTP_URL: smtp.url }, { clock });
    try {
      const admin = await createUser(t, 'admin');
      const crisisUsers = await Promise.all([createUser(t, 'crisis'), createUser(t, 'crisis'), createUser(t, 'crisis')]);
      const wl = await createWatchlist(t, admin);
      await smtp.setMode('refuse');
      const view = (await t.services.alerts.raise(wl, candidate()))!;
      await waitUntil(async () => {
        const rows = await t.db.database.db.selectFrom('notifications').select(['attempts', 'last_error']).where('alert_id', '=', view.id).execute();
        return rows.length === 3 && rows.every((r) => r.attempts >= 1 && r.last_error);
      });
      expect(smtp.messages).toHaveLength(0);
      await smtp.setMode('up');
      // Several workers ticking at once (as several instances would) still deliver each email once.
      await waitUntil(async () => {
        clock.advance(400);
        await Promise.all([t.services.outbox.tick(), t.services.outbox.tick(), t.services.outbox.tick()]);
        return smtp.messages.length >= 3;
      }, 20_000);
      const recipients = smtp.messages.map((m) => m.envelope.to[0]).sort();
      expect(recipients).toEqual(crisisUsers.map((u) => u.email).sort());
      const rows = await t.db.database.db.selectFrom('notifications').select(['status']).where('alert_id', '=', view.id).execute();
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
    } finally {
      await t.close();
      await smtp.stop();
    }
  });
});

describe('webhook delivery', () => {
  let t: TestApp;
  let admin: TestUser;
  const clock = manualClock(Date.now());
  beforeAll(async () => {
    t = await createTestApp({ 'outbox.base_delay_seconds': 1, 'outbox.max_delay_seconds': 1, 'outbox.max_attempts': 3, 'alerts.webhook_secret': SECRET }, {}, { clock });
    admin = await createUser(t, 'admin');
  });
  afterAll(async () => t?.close());

  it('posts a signed JSON event the receiver can verify, retrying through failures with one delivery id', async () => {
    const receiver = await startWebhookReceiver({ secret: SECRET, failFirst: 2 });
    try {
      const wl = await createWatchlist(t, admin);
      await createPolicy(t, admin, { watchlist_id: wl, steps: [{ delay_minutes: 0, targets: [{ webhook_url: receiver.url }], channels: ['webhook'] }] });
      const view = (await t.services.alerts.raise(wl, candidate({}, 'critical')))!;
      await waitUntil(async () => {
        clock.advance(600);
        await t.services.outbox.tick();
        return receiver.requests.some((r) => r.status === 200);
      }, 20_000);
      const ok = receiver.requests.filter((r) => r.status === 200);
      expect(ok).toHaveLength(1);
      expect(receiver.requests).toHaveLength(3);
      expect(new Set(receiver.requests.map((r) => r.headers['x-pilotfish-delivery'])).size).toBe(1);
      expect(ok[0]!.signatureValid).toBe(true);
      expect(ok[0]!.json).toMatchObject({ type: 'alert.raised', data: { id: view.id, severity: 'critical' } });
    } finally {
      await receiver.stop();
    }
  });

  it('renders Slack-compatible bodies', async () => {
    const receiver = await startWebhookReceiver({ secret: SECRET });
    try {
      const wl = await createWatchlist(t, admin);
      await createPolicy(t, admin, { watchlist_id: wl, steps: [{ delay_minutes: 0, targets: [{ webhook_url: receiver.url, format: 'slack' }], channels: ['webhook'] }] });
      await t.services.alerts.raise(wl, candidate());
      await waitUntil(async () => receiver.requests.length >= 1);
      expect(receiver.requests[0]!.json).toMatchObject({ text: expect.any(String), blocks: expect.any(Array) });
    } finally {
      await receiver.stop();
    }
  });

  it('dead-letters after the maximum attempts, shows it in the API, and a human can retry it', async () => {
    const receiver = await startWebhookReceiver({ secret: SECRET, failFirst: 100 });
    try {
      const wl = await createWatchlist(t, admin);
      await createPolicy(t, admin, { watchlist_id: wl, steps: [{ delay_minutes: 0, targets: [{ webhook_url: receiver.url }], channels: ['webhook'] }] });
      const view = (await t.services.alerts.raise(wl, candidate()))!;
      const dead = await waitUntil(async () => {
        clock.advance(1000); // each retry's backoff (at most 1 s) has passed
        await t.services.outbox.tick();
        const list = (await t.app.inject({ method: 'GET', url: '/api/v1/notifications?status=dead', headers: admin.auth })).json();
        return list.items.find((n: { alert_id: string }) => n.alert_id === view.id);
      }, 10_000, 400);
      expect(dead).toMatchObject({ status: 'dead', attempts: 3, last_error: expect.stringMatching(/500/) });
      expect(receiver.requests).toHaveLength(3);
      const retried = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${dead.id}/retry`, headers: admin.auth });
      expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
      await waitUntil(async () => receiver.requests.length >= 4);
    } finally {
      await receiver.stop();
    }
  });

  it('refuses a webhook URL pointing to a private address when creating the policy', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name: 'x', steps: [{ delay_minutes: 0, targets: [{ webhook_url: 'http://10.0.0.5/hook' }], channels: ['webhook'] }] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('steps[0].targets[0].webhook_url');
  });
});
