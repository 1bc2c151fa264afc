// Each alert carries its own evidence, stored when it is raised: the mentions of its own watchlist and
// kind, the reports first for an ambassador alert, the reference labelled as an expectation or a threshold,
// and the series of its own window with a baseline band.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEvidence } from '../../src/contract/evidence.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { createWatchlist } from '../support/alerts.js';
import { waitUntil } from '../support/live.js';

let t: TestApp;
let admin: TestUser;
let crisis: TestUser;
let pushToken: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis');
  pushToken = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'social' } })).json().ingest_token;
}, 240_000); // PGlite builds its database in-process: slow on a busy machine
afterAll(async () => t?.close());

interface Detail { id: string; kind: string; watchlist_id: string; evidence: AlertEvidence | null }

async function push(mentions: { external_id: string; text: string; lang?: string }[]): Promise<void> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${pushToken}` }, payload: { mentions } });
  expect(res.statusCode).toBe(202);
}

async function alertsOf(watchlistId: string, min = 1): Promise<Detail[]> {
  const ids = await waitUntil(async () => {
    await t.services.detection.sync();
    const rows = await t.db.database.db.selectFrom('alerts').select('id').where('watchlist_id', '=', watchlistId).execute();
    return rows.length >= min ? rows : null;
  }, 15_000);
  return Promise.all(ids.map(async ({ id }) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/alerts/${id}`, headers: crisis.auth });
    expect(res.statusCode).toBe(200);
    return res.json() as Detail;
  }));
}

describe('evidence per alert', () => {
  it('stores each alert\'s own mentions, chosen for its kind and watchlist, with its reference and window series', async () => {
    const dupont = await createWatchlist(t, admin, 'dupont');
    const martin = await createWatchlist(t, admin, 'martin');
    await t.services.detection.start();
    const phrases = [
      'Scandale chez Laiterie Dupont : intoxication après le dernier lot, appel au boycott',
      'Dupont rappel produit, mes enfants malades, c\'est honteux',
      'Ferme Martin : les clients sont furieux, plainte déposée pour intoxication',
      'Ferme Martin : lait contaminé, scandale sanitaire, appel au boycott',
    ];
    await push(Array.from({ length: 32 }, (_, i) => ({ external_id: `ev-${i}`, text: `${phrases[i % 4]} #${i}`, lang: 'fr' })));
    const [ofDupont, ofLait] = [await alertsOf(dupont), await alertsOf(martin)];
    for (const [wl, alerts] of [[dupont, ofDupont], [martin, ofLait]] as const) {
      for (const a of alerts) {
        const e = a.evidence!;
        expect(e, `${a.kind} has evidence`).not.toBeNull();
        expect(e.kind).toBe(a.kind);
        expect(e.watchlist_id).toBe(wl);
        expect(e.mentions.length).toBeGreaterThan(0);
        const word = wl === dupont ? /dupont/i : /martin/i;
        for (const m of e.mentions) expect(m.text).toMatch(word);
        if (a.kind === 'negative_surge') for (const m of e.mentions) expect(m.label).toBe('negative');
        if (a.kind === 'risk_burst') for (const m of e.mentions) expect(m.risk).toBeGreaterThan(0);
        expect(e.reference.kind).toBe('expected');
        expect(e.reference.value).toBeGreaterThanOrEqual(0);
        // The chart is the alert's own window: every bucket of the range, the burst inside it.
        const s = e.series;
        expect(new Date(s.from).getTime()).toBeLessThanOrEqual(new Date(e.window.start).getTime());
        expect(new Date(s.to).getTime()).toBeGreaterThanOrEqual(new Date(e.window.end).getTime() - s.bucket_seconds * 1000);
        expect(s.points.reduce((n, p) => n + p.count, 0)).toBeGreaterThan(0);
        expect(s.band.low).toBeLessThanOrEqual(s.band.high);
      }
    }
    // Same bucket, two watchlists: each alert shows its own watchlist's mentions.
    const laitIds = new Set(ofLait.flatMap((a) => a.evidence!.mentions.map((m) => m.id)));
    const dupontIds = new Set(ofDupont.flatMap((a) => a.evidence!.mentions.map((m) => m.id)));
    expect([...laitIds].some((id) => dupontIds.has(id))).toBe(false);
    // Two kinds of one bucket: the negative surge lists only negative mentions, so not the volume spike's neutral ones.
    const volume = ofDupont.find((a) => a.kind === 'volume_spike');
    const negative = ofDupont.find((a) => a.kind === 'negative_surge');
    if (volume && negative) expect(negative.evidence!.mentions.map((m) => m.id)).not.toEqual(volume.evidence!.mentions.map((m) => m.id));
  });

  it('an ambassador alert lists the critical report that raised it first and labels its threshold as a threshold', async () => {
    const wl = await createWatchlist(t, admin, 'zorglub');
    await t.services.detection.start();
    const ambassador = await createUser(t, 'ambassador');
    const other = await createUser(t, 'ambassador');
    await push([{ external_id: 'zg-public', text: 'Zorglub annonce un nouveau produit', lang: 'fr' }]);
    const low = await t.app.inject({ method: 'POST', url: '/api/v1/signals', headers: other.auth, payload: { text: 'Un client se plaint de Zorglub sur un forum', severity: 'low', watchlist_id: wl } });
    expect(low.statusCode).toBe(201);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/signals', headers: ambassador.auth, payload: { text: 'Zorglub : une vidéo virale accuse la direction de fraude', severity: 'critical', watchlist_id: wl, channel: 'tiktok' } });
    expect(res.statusCode).toBe(201);
    const [alert] = (await alertsOf(wl)).filter((a) => a.kind === 'ambassador_signal');
    const e = alert!.evidence!;
    expect(e.mentions[0]).toMatchObject({ text: 'Zorglub : une vidéo virale accuse la direction de fraude', report: { severity: 'critical', channel: 'tiktok' }, source_kind: 'ambassador' });
    expect(e.mentions[1]?.report?.severity).toBe('low');
    expect(e.reference).toMatchObject({ kind: 'threshold', measure: 'critical_reports', observed: 1, value: 1, factor: null });
    // The public mention comes after the reports.
    expect(e.mentions.findIndex((m) => m.report === null)).toBeGreaterThan(1);
  });
});
