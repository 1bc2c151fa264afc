// Mentions are partitioned by week of collection (migration 0011): re-delivery is still refused through
// the dedupe keys, partitions are created ahead (moving rows that waited in the default partition), and
// retention drops whole old partitions while keeping what is recent and the bucket aggregates.
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePartitions, listPartitions, partitionName, weekStart } from '../../src/mentions/partitions.js';
import { runRetention } from '../../src/retention/retention.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';

let t: TestApp;
let admin: TestUser;
let token: string;
const DAY = 86400_000;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, 'admin');
  await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: 'P', query: 'part' } });
  token = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'p' } })).json().ingest_token;
});
afterAll(async () => t?.close());

const push = (mentions: object[]) => t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${token}` }, payload: { mentions } });
const partitionOf = async (externalId: string) => (await sql<{ p: string }>`SELECT tableoid::regclass::text AS p FROM mentions WHERE external_id = ${externalId}`.execute(t.db.database.db)).rows[0]?.p;

describe('partitioned mentions', () => {
  it('is partitioned by week, with this week and four ahead, and stores new mentions in this week', async () => {
    const names = (await listPartitions(t.db.database.db)).map((p) => p.name);
    const now = new Date();
    for (let i = 0; i <= 4; i++) expect(names).toContain(partitionName(new Date(weekStart(now).getTime() + i * 7 * DAY)));
    expect((await push([{ external_id: 'now-1', text: 'part one' }])).json()).toMatchObject({ accepted: 1 });
    expect(await partitionOf('now-1')).toBe(partitionName(weekStart(now)));
    expect(weekStart(new Date('2026-12-03T15:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(weekStart(new Date('2026-11-30T00:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('still refuses re-deliveries, within a batch, across batches and across partitions', async () => {
    expect((await push([{ external_id: 'dup-1', text: 'part a' }, { external_id: 'dup-1', text: 'part a again' }])).json()).toMatchObject({ accepted: 1, duplicates: 1 });
    // The first copy moves to an old week (the default partition); the key still says it was seen.
    await t.db.database.db.updateTable('mentions').set({ collected_at: new Date(Date.now() - 30 * DAY) }).where('external_id', '=', 'dup-1').execute();
    expect(await partitionOf('dup-1')).toBe('mentions_default');
    expect((await push([{ external_id: 'dup-1', text: 'part a' }, { external_id: 'dup-2', text: 'part b' }])).json()).toMatchObject({ accepted: 1, duplicates: 1 });
    const n = await t.db.database.db.selectFrom('mentions').select((eb) => eb.fn.countAll<number>().as('n')).where('external_id', '=', 'dup-1').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('creates missing partitions ahead and moves rows waiting in the default partition', async () => {
    const db = t.db.database.db;
    const later = new Date(weekStart(new Date()).getTime() + 6 * 7 * DAY + DAY);
    expect((await push([{ external_id: 'future-1', text: 'part future' }])).json()).toMatchObject({ accepted: 1 });
    await db.updateTable('mentions').set({ collected_at: later }).where('external_id', '=', 'future-1').execute();
    expect(await partitionOf('future-1')).toBe('mentions_default');
    const created = await ensurePartitions(db, later, 1);
    expect(created).toEqual([partitionName(weekStart(later)), partitionName(new Date(weekStart(later).getTime() + 7 * DAY))]);
    expect(await partitionOf('future-1')).toBe(partitionName(weekStart(later)));
    expect(await ensurePartitions(db, later, 1)).toEqual([]);
    // Indexes of the parent exist on the new partition too.
    const idx = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = ${partitionName(weekStart(later))}`.execute(db);
    expect(idx.rows[0]!.n).toBeGreaterThanOrEqual(6);
  });

  it('retention drops whole old partitions, deletes old stray rows and keys, keeps recent mentions and buckets', async () => {
    const db = t.db.database.db;
    const old = new Date(weekStart(new Date()).getTime() - 20 * 7 * DAY);
    await ensurePartitions(db, old, 0);
    expect((await push([{ external_id: 'old-1', text: 'part old' }, { external_id: 'old-2', text: 'part old' }, { external_id: 'keep-1', text: 'part keep' }, { external_id: 'stray-1', text: 'part stray' }])).json()).toMatchObject({ accepted: 4 });
    await db.updateTable('mentions').set({ collected_at: new Date(old.getTime() + DAY) }).where('external_id', 'in', ['old-1', 'old-2']).execute();
    await db.updateTable('mention_keys').set({ collected_at: new Date(old.getTime() + DAY) }).where('external_id', 'in', ['old-1', 'old-2']).execute();
    await db.updateTable('mentions').set({ collected_at: new Date(old.getTime() - 10 * 7 * DAY) }).where('external_id', '=', 'stray-1').execute();
    expect(await partitionOf('old-1')).toBe(partitionName(old));
    expect(await partitionOf('stray-1')).toBe('mentions_default');
    const buckets = await db.selectFrom('buckets').select(['watchlist_id', 'bucket_start', 'count']).orderBy('bucket_start').execute();
    const result = await runRetention(db, { mentionsDays: 90, batchSize: 2 }, pino({ level: 'silent' }), new Date());
    expect(result.partitions).toEqual([partitionName(old)]);
    expect(result.mentions).toBe(3); // two in the dropped partition, one stray in the default partition
    expect((await listPartitions(db)).map((p) => p.name)).not.toContain(partitionName(old));
    const left = (await db.selectFrom('mentions').select('external_id').execute()).map((r) => r.external_id).sort();
    expect(left).toContain('keep-1');
    expect(left).not.toContain('old-1');
    expect(left).not.toContain('stray-1');
    expect(left).toContain('dup-1');
    expect(await db.selectFrom('buckets').select(['watchlist_id', 'bucket_start', 'count']).orderBy('bucket_start').execute()).toEqual(buckets);
    // The expired keys are gone: the same post delivered again is stored as new.
    expect((await push([{ external_id: 'old-1', text: 'part old' }])).json()).toMatchObject({ accepted: 1 });
  });
});
