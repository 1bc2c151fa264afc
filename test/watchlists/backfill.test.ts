// A new watchlist is backfilled from the stored mentions of the retention period by a job, in bounded
// batches: its buckets and chart get the history the query tester finds, and nothing is counted twice.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackfillService } from '../../src/watchlists/backfill.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { createWatchlist } from '../support/alerts.js';

let t: TestApp;
let admin: TestUser;
let crisis: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis');
}, 240_000); // PGlite builds its database in-process: slow on a busy machine
afterAll(async () => t?.close());

const HOUR = 3_600_000;

async function bucketTotal(watchlistId: string): Promise<number> {
  const rows = await t.db.database.db.selectFrom('buckets').select('count').where('watchlist_id', '=', watchlistId).execute();
  return rows.reduce((n, r) => n + r.count, 0);
}

describe('watchlist backfill', () => {
  it('files the stored mentions of the retention period under a new watchlist, batch by batch, once', async () => {
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'history' } })).json().ingest_token;
    const now = Date.now();
    const mentions = [
      ...Array.from({ length: 7 }, (_, i) => ({ external_id: `fl-${i}`, text: `La flotille de Brest arrive au port, jour ${i}`, published_at: new Date(now - (i + 1) * 5 * HOUR).toISOString() })),
      ...Array.from({ length: 5 }, (_, i) => ({ external_id: `other-${i}`, text: `Rien à voir avec la mer, message ${i}`, published_at: new Date(now - (i + 1) * 3 * HOUR).toISOString() })),
      // Out of the retention period given to the job below (3 days): not looked at.
      { external_id: 'fl-old', text: 'La flotille de Brest, il y a longtemps', published_at: new Date(now - 5 * 24 * HOUR).toISOString() },
    ];
    const pushed = await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${token}` }, payload: { mentions } });
    expect(pushed.json().accepted).toBe(mentions.length);

    const wl = await createWatchlist(t, admin, 'flotille');
    // The query tester finds them: the backfill must give the watchlist the same history.
    const tester = await t.app.inject({ method: 'POST', url: '/api/v1/watchlists/test', headers: admin.auth, payload: { query: 'flotille', days: 7 } });
    expect(tester.json().matched).toBe(8);
    // Creating the watchlist queued its backfill (in its transaction), nothing ran on the request path.
    const queued = await t.services.backfill.status(wl);
    expect(queued).toMatchObject({ finished_at: null, matched: 0 });
    expect(await bucketTotal(wl)).toBe(0);

    const forgotten: string[] = [];
    const job = createBackfillService(t.db.database.db, pino({ level: 'silent' }), { bucketSeconds: t.config.detection.bucket_seconds, retentionDays: 3, batchSize: 4, batchesPerTick: 1 }, { onFinished: (id) => forgotten.push(id) });
    // It waits for every instance's watchlist cache to know the new watchlist.
    expect((await job.tick(new Date())).scanned).toBe(0);
    const later = new Date(now + 60_000);
    // Re-queue with this job's retention (3 days) and run it: one bounded batch per tick.
    await job.enqueue(t.db.database.db, wl);
    const ticks: number[] = [];
    for (let i = 0; i < 20 && forgotten.length === 0; i++) ticks.push((await job.tick(later)).scanned);
    expect(Math.max(...ticks)).toBeLessThanOrEqual(4);
    expect(ticks.length).toBeGreaterThan(1);
    expect(forgotten).toEqual([wl]);
    expect(await bucketTotal(wl)).toBe(7);
    expect((await t.services.backfill.status(wl))?.matched).toBe(7);

    // Its mentions and chart now have that history.
    const listed = (await t.app.inject({ method: 'GET', url: `/api/v1/mentions?watchlist_id=${wl}&limit=50`, headers: crisis.auth })).json();
    expect(listed.items).toHaveLength(7);
    const series = (await t.app.inject({ method: 'GET', url: `/api/v1/watchlists/${wl}/series?since=${new Date(now - 48 * HOUR).toISOString()}`, headers: crisis.auth })).json();
    expect(series.points.reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(7);

    // Running it again counts nothing twice.
    await job.enqueue(t.db.database.db, wl);
    for (let i = 0; i < 20 && forgotten.length < 2; i++) await job.tick(later);
    expect(forgotten).toEqual([wl, wl]);
    expect(await bucketTotal(wl)).toBe(7);
  });
});
