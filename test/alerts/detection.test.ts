import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { createWatchlist } from '../support/alerts.js';
import { listen, openStream, waitUntil } from '../support/live.js';

let t: TestApp;
let admin: TestUser;
let crisis: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis');
});
afterAll(async () => t?.close());

describe('ingest → detection → alert', () => {
  it('a burst of negative French mentions with risk terms raises an alert live, explained', async () => {
    const base = await listen(t.app);
    const wl = await createWatchlist(t, admin, '"laiterie dupont" OR dupont');
    await t.services.detection.start();
    const stream = await openStream(base, crisis.token);
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'social' } })).json().ingest_token;
    const phrases = [
      'Scandale chez Laiterie Dupont : intoxication après le dernier lot, appel au boycott',
      'Laiterie Dupont rappel produit, mes enfants malades, c\'est honteux',
      'Boycott Laiterie Dupont ! Ils cachent l\'intoxication, plainte déposée',
      'Dupont : lait contaminé, scandale sanitaire, je suis furieuse',
    ];
    const mentions = Array.from({ length: 24 }, (_, i) => ({ external_id: `burst-${i}`, text: `${phrases[i % 4]} #${i}`, lang: 'fr' }));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${token}` }, payload: { mentions } });
    expect(res.json().accepted).toBe(24);
    const event = await stream.waitFor((m) => m.type === 'alert.raised' && m.data.watchlist_id === wl, 10_000);
    const alert = event.data as { id: string; kind: string; explanation: { summary: string; observed: number; top_terms: string[]; sample_mention_ids: string[] } };
    expect(['risk_burst', 'negative_surge', 'volume_spike', 'emerging_term']).toContain(alert.kind);
    expect(alert.explanation.summary.length).toBeGreaterThan(10);
    expect(alert.explanation.observed).toBeGreaterThan(0);
    expect(alert.explanation.sample_mention_ids.length).toBeGreaterThan(0);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${alert.id}`, headers: crisis.auth })).json();
    expect(detail.samples.length).toBeGreaterThan(0);
    expect(detail.samples[0].text).toMatch(/Dupont/);
    await stream.close();
  });

  it('a restart rebuilds detectors from stored buckets and does not raise the same episode again', async () => {
    const before = await t.db.database.db.selectFrom('alerts').select('id').execute();
    const { createDetectionService } = await import('../../src/detection/service.js');
    const { pino } = await import('pino');
    const fresh = createDetectionService(t.db.database.db, t.services.alerts, pino({ level: 'silent' }), { bucketSeconds: t.config.detection.bucket_seconds, historyDays: 28 });
    await fresh.start();
    await fresh.sync();
    const after = await waitUntil(async () => t.db.database.db.selectFrom('alerts').select('id').execute());
    expect(after.length).toBe(before.length);
  });
});
