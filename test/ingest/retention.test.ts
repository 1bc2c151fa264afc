import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../../src/retention/retention.js';
import { createTestApp, createUser, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t?.close());

describe('retention', () => {
  it('deletes raw mentions older than the period in batches and keeps bucket aggregates', async () => {
    const admin = await createUser(t, 'admin');
    await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: 'R', query: 'keep' } });
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'r' } })).json().ingest_token;
    const mentions = Array.from({ length: 25 }, (_, i) => ({ external_id: `r${i}`, text: `keep ${i}` }));
    await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${token}` }, payload: { mentions } });
    const db = t.db.database.db;
    // Age 20 of them: collected 100 days ago.
    await db.updateTable('mentions').set({ collected_at: new Date(Date.now() - 100 * 86400_000) }).where('external_id', 'in', mentions.slice(0, 20).map((m) => m.external_id)).execute();
    const bucketsBefore = await db.selectFrom('buckets').select(['count']).execute();
    const result = await runRetention(db, { mentionsDays: 90, batchSize: 7 }, pino({ level: 'silent' }), new Date());
    expect(result.mentions).toBe(20);
    const left = await db.selectFrom('mentions').select('external_id').where('external_id', 'like', 'r%').execute();
    expect(left.map((r) => r.external_id).sort()).toEqual(['r20', 'r21', 'r22', 'r23', 'r24']);
    expect(await db.selectFrom('buckets').select(['count']).execute()).toEqual(bucketsBefore);
  });
});
