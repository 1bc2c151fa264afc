// Incidents as the unit of work, live for every viewer: declaring, linking alerts, changing phase and
// resolving each reach every crisis/comms/admin socket with the incident as it is after the change (its
// alert ids included), and the incident's timeline records each step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { candidate, createWatchlist } from '../support/alerts.js';
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
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis', { name: 'Chloé Crise' });
  comms = await createUser(t, 'comms', { name: 'Côme Comms' });
  ambassador = await createUser(t, 'ambassador');
  wl = await createWatchlist(t, admin);
});
afterAll(async () => t?.close());

const send = (method: 'POST' | 'PATCH', url: string, who: TestUser, payload: object) => t.app.inject({ method, url, headers: who.auth, payload });

describe('incident events', () => {
  it('opened, updated (alerts linked, phase, comms lead) and resolved reach every viewer with the alert ids', async () => {
    const [first, second] = [(await t.services.alerts.raise(wl, candidate()))!, (await t.services.alerts.raise(wl, candidate()))!];
    const streams = await Promise.all([openStream(base, crisis.token), openStream(base, comms.token), openStream(base, ambassador.token)]);
    const [crisisStream, commsStream, ambStream] = streams;
    try {
      const declared = await send('POST', '/api/v1/incidents', crisis, { title: 'Charger fires', alert_ids: [first.id] });
      expect(declared.statusCode, declared.body).toBe(201);
      const incident = declared.json();
      expect(incident).toMatchObject({ phase: 'investigating', status: 'open', alert_ids: [first.id], commander: { id: crisis.id, name: 'Chloé Crise' } });
      for (const s of [crisisStream!, commsStream!]) {
        const opened = await s.waitFor((m) => m.type === 'incident.opened' && m.data.id === incident.id);
        expect(opened.data).toMatchObject({ title: 'Charger fires', alert_ids: [first.id] });
      }

      const linked = await send('PATCH', `/api/v1/incidents/${incident.id}`, crisis, { add_alert_ids: [second.id] });
      expect(linked.statusCode, linked.body).toBe(200);
      expect(linked.json().alert_ids.sort()).toEqual([first.id, second.id].sort());
      const updated = await commsStream!.waitFor((m) => m.type === 'incident.updated' && m.data.id === incident.id);
      expect((updated.data.alert_ids as string[]).sort()).toEqual([first.id, second.id].sort());

      const identified = await send('PATCH', `/api/v1/incidents/${incident.id}`, crisis, { phase: 'identified', comms_lead_id: comms.id });
      expect(identified.json()).toMatchObject({ phase: 'identified', comms_lead: { id: comms.id } });
      await crisisStream!.waitFor((m) => m.type === 'incident.updated' && m.data.phase === 'identified');

      const badUser = await send('PATCH', `/api/v1/incidents/${incident.id}`, crisis, { commander_id: '00000000-0000-4000-8000-000000000000' });
      expect(badUser.statusCode).toBe(400);
      expect(badUser.json().error.field).toBe('commander_id');

      const resolved = await send('PATCH', `/api/v1/incidents/${incident.id}`, crisis, { phase: 'resolved' });
      expect(resolved.json()).toMatchObject({ phase: 'resolved', status: 'closed', closed_at: expect.any(String) });
      for (const s of [crisisStream!, commsStream!]) {
        const event = await s.waitFor((m) => m.type === 'incident.resolved' && m.data.id === incident.id);
        expect(event.data).toMatchObject({ status: 'closed', phase: 'resolved' });
      }
      expect(ambStream!.messages.filter((m) => m.type.startsWith('incident.'))).toEqual([]);

      const timeline = (await t.app.inject({ method: 'GET', url: `/api/v1/incidents/${incident.id}/timeline`, headers: comms.auth })).json();
      expect(timeline.items.map((e: { type: string }) => e.type)).toEqual(['declared', 'alerts_linked', 'phase', 'comms_lead', 'phase']);
      expect(timeline.items[4]).toMatchObject({ details: { from: 'identified', to: 'resolved' }, actor: { id: crisis.id } });
    } finally {
      await Promise.all(streams.map((s) => s.close()));
    }
  });
});
