import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { candidate, createWatchlist } from '../support/alerts.js';
import { listen, openStream } from '../support/live.js';

let t: TestApp;
let base: string;
let admin: TestUser;
let crisis: TestUser;
let ambassador: TestUser;
let wl: string;

beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t.app);
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis');
  ambassador = await createUser(t, 'ambassador');
  wl = await createWatchlist(t, admin, 'brandx');
});
afterAll(async () => t?.close());

describe('websocket stream', () => {
  it('refuses an unauthenticated connection', async () => {
    await expect(openStream(base, 'pf_ses_not-a-token')).rejects.toThrow(/401/);
  });

  it('delivers alert events to crisis users, not to ambassadors; signals to crisis and the reporter', async () => {
    const crisisStream = await openStream(base, crisis.token);
    const ambStream = await openStream(base, ambassador.token, { via: 'query' });
    try {
      const view = (await t.services.alerts.raise(wl, candidate()))!;
      const raised = await crisisStream.waitFor((m) => m.type === 'alert.raised' && m.data.id === view.id);
      expect(raised).toMatchObject({ id: expect.stringMatching(/^\d+$/), at: expect.any(String), data: { id: view.id, status: 'open', watchlist_id: wl } });
      const acked = await t.app.inject({ method: 'POST', url: `/api/v1/alerts/${view.id}/ack`, headers: crisis.auth });
      expect(acked.statusCode, acked.body).toBe(200);
      await crisisStream.waitFor((m) => m.type === 'alert.acknowledged' && m.data.id === view.id);
      const signal = (await t.app.inject({ method: 'POST', url: '/api/v1/signals', headers: ambassador.auth, payload: { text: 'brandx rumeur', severity: 'low' } })).json();
      await crisisStream.waitFor((m) => m.type === 'signal.reported' && m.data.id === signal.id);
      await ambStream.waitFor((m) => m.type === 'signal.reported' && m.data.id === signal.id);
      expect(ambStream.messages.filter((m) => m.type.startsWith('alert.'))).toEqual([]);
      // Each event once, in id order.
      const ids = crisisStream.messages.map((m) => Number(m.id));
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
    } finally {
      await crisisStream.close();
      await ambStream.close();
    }
  });

  it('replays missed events after a reconnect with ?since=, then continues live, without duplicates', async () => {
    const first = await openStream(base, crisis.token);
    const a = (await t.services.alerts.raise(wl, candidate()))!;
    const seen = await first.waitFor((m) => m.type === 'alert.raised' && m.data.id === a.id);
    await first.close();
    const missed = (await t.services.alerts.raise(wl, candidate()))!;
    const second = await openStream(base, crisis.token, { since: seen.id });
    try {
      await second.waitFor((m) => m.data.id === missed.id);
      const live = (await t.services.alerts.raise(wl, candidate()))!;
      await second.waitFor((m) => m.type === 'alert.raised' && m.data.id === live.id);
      expect(second.messages.some((m) => m.data.id === a.id && m.type === 'alert.raised')).toBe(false);
      const ids = second.messages.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await second.close();
    }
  });
});
