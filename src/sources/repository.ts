// All SQL about sources: CRUD, the poller's claim (FOR UPDATE SKIP LOCKED) and health bookkeeping.
import { sql, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SourceKind, SourceRow, SourcesTable } from '../db/tables/sources.js';
import { POLL_SOURCE_KINDS } from '../contract/enums.js';

export interface NewSource {
  kind: SourceKind; name: string; url: string | null; poll_interval_seconds: number | null;
  ingest_token_hash: string | null; config?: string; secrets?: string | null; created_by: string | null; next_check_at: Date | null;
}

// Literal list (our own constants) so the planner can use the partial index sources_due_idx.
const POLLED_KINDS_SQL = sql.raw(POLL_SOURCE_KINDS.map((k) => `'${k}'`).join(', '));

export const sourcesRepository = {
  insert: (db: Kysely<DB>, s: NewSource) => db.insertInto('sources').values(s).returningAll().executeTakeFirstOrThrow(),

  list: (db: Kysely<DB>, kinds?: SourceKind[]) => {
    let q = db.selectFrom('sources').selectAll().where('deleted_at', 'is', null).orderBy('created_at', 'asc');
    if (kinds) q = q.where('kind', 'in', kinds);
    return q.execute();
  },

  get: (db: Kysely<DB>, id: string) =>
    db.selectFrom('sources').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst(),

  update: (db: Kysely<DB>, id: string, patch: Updateable<SourcesTable>) =>
    db.updateTable('sources').set({ ...patch, updated_at: new Date() }).where('id', '=', id).where('deleted_at', 'is', null).returningAll().executeTakeFirst(),

  byIngestTokenHash: (db: Kysely<DB>, hash: string) =>
    db.selectFrom('sources').select(['id', 'name', 'kind', 'enabled']).where('ingest_token_hash', '=', hash).where('deleted_at', 'is', null).executeTakeFirst(),

  /** The singleton source that ambassador signals are filed under (created on first use). */
  async ambassadorSource(db: Kysely<DB>): Promise<SourceRow> {
    const existing = await db.selectFrom('sources').selectAll().where('kind', '=', 'ambassador').executeTakeFirst();
    if (existing) return existing;
    await db.insertInto('sources').values({ kind: 'ambassador', name: 'Ambassador signals', url: null, poll_interval_seconds: null, ingest_token_hash: null, created_by: null, next_check_at: null })
      .onConflict((oc) => oc.expression(sql`kind`).where('kind', '=', 'ambassador').doNothing()).execute();
    return db.selectFrom('sources').selectAll().where('kind', '=', 'ambassador').executeTakeFirstOrThrow();
  },

  /**
   * Claims due pollable sources. The lease pushes next_check_at forward so that no other instance claims
   * the same source while this one fetches it; the outcome then sets the real next check.
   */
  async claimDue(db: Kysely<DB>, limit: number, leaseSeconds: number, now: Date): Promise<SourceRow[]> {
    const result = await sql<SourceRow>`
      UPDATE sources SET next_check_at = ${now}::timestamptz + make_interval(secs => ${leaseSeconds})
      WHERE id IN (
        SELECT id FROM sources
        WHERE enabled AND deleted_at IS NULL AND kind IN (${POLLED_KINDS_SQL}) AND next_check_at <= ${now}
        ORDER BY next_check_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING *`.execute(db);
    return result.rows;
  },
};
