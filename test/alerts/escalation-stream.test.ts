// Escalation seen by the whole crisis room: every user who may see an alert receives alert.escalated with
// the alert as it is after the step (step N of total, who was reached on which channel, next step time),
// and the stored alert reads the same after a reload ("step 2 of 2", never "step 3").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { candidate, createPolicy, createWatchlist } from '../support/alerts.js';
import { listen, openStream } from '../support/live.js';

let t: TestApp;
let base: string;
let admin: TestUser;
let crisis: TestUser;
let comms: TestUser;
let ambassador: TestUser;
let wl: string;

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t.app);
  admin = await createUser(t, 'admin', { name: 'Alice Admin' });
  crisis = await createUser(t, 'crisis', { name: 'Chloé Crise' });
  comms = await createUser(t, 'comms', { name: 'Côme Comms' });
  ambassador = await createUser(t, 'ambassador');
  wl = await createWatchlist(t, admin);
  await createPolicy(t, admin, { watchlist_id: wl, steps: [
    { delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['ws', 'email'] },
    { delay_minutes: 1, targets: [{ user_id: admin.id }, { email: 'duty@example.org' }], channels: ['ws', 'email'] },
  ] });
});
afterAll(async () => t?.close());

describe('escalation on the stream', () => {
  it('tells every viewer of the alert, with the step, who was reached and the next step time', async () => {
    const streams = await Promise.all([openStream(base, crisis.token), openStream(base, comms.token), openStream(base, ambassador.token)]);
    const [crisisStream, commsStream, ambStream] = streams;
    try {
      const view = (await t.services.alerts.raise(wl, candidate()))!;
      const raised = await crisisStream!.waitFor((m) => m.type === 'alert.raised' && m.data.id === view.id);
      expect(raised.data.escalation).toMatchObject({ current_step: 1, steps_total: 2, next_at: expect.any(String) });
      expect((raised.data.escalation as { notified: unknown[] }).notified).toEqual(expect.arrayContaining([
        { channel: 'ws', kind: 'role', to: 'crisis' }, { channel: 'email', kind: 'user', to: 'Chloé Crise' },
      ]));

      const { escalated } = await t.services.alerts.tick(new Date(Date.now() + 120_000));
      expect(escalated).toBeGreaterThanOrEqual(1);
      for (const s of [crisisStream!, commsStream!]) {
        // comms is not a target of step 2, but may see the alert: it must see the escalation too.
        const event = await s.waitFor((m) => m.type === 'alert.escalated' && m.data.id === view.id);
        expect(event.data.escalation).toMatchObject({ current_step: 2, steps_total: 2, next_at: null });
        expect((event.data.escalation as { notified: unknown[] }).notified).toEqual(expect.arrayContaining([
          { channel: 'ws', kind: 'user', to: 'Alice Admin' }, { channel: 'email', kind: 'user', to: 'Alice Admin' }, { channel: 'email', kind: 'email', to: 'duty@example.org' },
        ]));
        expect(event.data.status).toBe('open');
      }
      expect(ambStream!.messages.filter((m) => m.type.startsWith('alert.'))).toEqual([]);

      // After a reload: the same figures, never "step 3 of 2".
      const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${view.id}`, headers: crisis.auth })).json();
      expect(detail.escalation).toMatchObject({ current_step: 2, steps_total: 2, next_at: null });
      const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?status=open', headers: comms.auth })).json();
      expect(listed.items.find((a: { id: string }) => a.id === view.id).escalation).toMatchObject({ current_step: 2, steps_total: 2 });
      const steps = detail.timeline.filter((e: { type: string }) => e.type === 'notified' || e.type === 'escalated');
      expect(steps.map((e: { details: { step: number } }) => e.details.step)).toEqual([0, 1]);
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
  });
});
