// All SQL of the stream runtime: the lease (one holder per stream source across instances), the cursor and
// health written by the holder only (a stale holder that lost its lease can no longer move the cursor), and
// the changes streams make to stored mentions (deletions, engagement of boosted posts).
import { sql, type Kysely } from 'kysely';
import { STREAM_SOURCE_KINDS, type SourceState } from '../../contract/enums.js';
import type { DB } from '../../db/schema.js';
import type { SourceRow } from '../../db/tables/sources.js';

export interface StreamHealth {
  state: SourceState; cursor: string | null; lastEventAt: Date | null; lagSeconds: number | null; eventsPerSecond: number | null;
  /** Errors since the last write, added to the stored count. */
  newErrors: number; lastError?: string | null;
}

export interface Engagement { externalId: string; likes?: number | null; reposts?: number | null; replies?: number | null }

const kinds = sql.join(STREAM_SOURCE_KINDS.map((k) => sql`${k}`));

export const streamRepository = {
  /** Leases up to `limit` enabled stream sources that nobody holds, or whose holder's lease ran out. */
  async acquire(db: Kysely<DB>, owner: string, now: Date, leaseSeconds: number, limit: number): Promise<SourceRow[]> {
    const result = await sql<SourceRow>`
      UPDATE sources SET lease_owner = ${owner}, lease_expires_at = ${now}::timestamptz + make_interval(secs => ${leaseSeconds})
      WHERE id IN (
        SELECT id FROM sources
        WHERE enabled AND deleted_at IS NULL AND kind IN (${kinds})
          AND (lease_owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at < ${now})
        ORDER BY created_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING *`.execute(db);
    return result.rows;
  },

  /** Extends the lease; returns the source while it is still ours and enabled, undefined otherwise. */
  async renew(db: Kysely<DB>, id: string, owner: string, now: Date, leaseSeconds: number): Promise<SourceRow | undefined> {
    const result = await sql<SourceRow>`
      UPDATE sources SET lease_expires_at = ${now}::timestamptz + make_interval(secs => ${leaseSeconds})
      WHERE id = ${id} AND lease_owner = ${owner} AND enabled AND deleted_at IS NULL
      RETURNING *`.execute(db);
    return result.rows[0];
  },

  /** Writes the cursor and health, only while `owner` holds the lease. Returns false when it does not. */
  async saveHealth(db: Kysely<DB>, id: string, owner: string, h: StreamHealth, now: Date): Promise<boolean> {
    const result = await db.updateTable('sources').set((eb) => ({
      cursor: h.cursor, state: h.state, last_event_at: h.lastEventAt, lag_seconds: h.lagSeconds, events_per_second: h.eventsPerSecond,
      error_count: eb('error_count', '+', h.newErrors), updated_at: now,
      ...(h.lastError !== undefined ? { last_error: h.lastError } : {}),
      ...(h.state === 'connected' ? { last_success_at: now, consecutive_failures: 0 } : {}),
    })).where('id', '=', id).where('lease_owner', '=', owner).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Gives the source back (stop, or disabled by an administrator): another instance may take it at once. */
  async release(db: Kysely<DB>, id: string, owner: string): Promise<void> {
    await db.updateTable('sources').set({ lease_owner: null, lease_expires_at: null, state: sql<SourceState>`CASE WHEN enabled AND deleted_at IS NULL THEN 'idle' ELSE 'disabled' END` })
      .where('id', '=', id).where('lease_owner', '=', owner).execute();
  },

  /** Credentials refused: disabled until an administrator fixes and re-enables it. */
  async disable(db: Kysely<DB>, id: string, owner: string, reason: string, now: Date): Promise<void> {
    await db.updateTable('sources').set((eb) => ({
      enabled: false, disabled_reason: reason, last_error: reason, state: 'disabled', lease_owner: null, lease_expires_at: null,
      error_count: eb('error_count', '+', 1), updated_at: now,
    })).where('id', '=', id).where('lease_owner', '=', owner).execute();
  },

  /** Enabled Bluesky sources that asked for a search backfill when a watchlist is created. */
  backfillSources: (db: Kysely<DB>) => db.selectFrom('sources').select(['id', 'config', 'secrets'])
    .where('kind', '=', 'bluesky').where('enabled', '=', true).where('deleted_at', 'is', null)
    .where(sql<boolean>`(config->>'backfill')::boolean IS TRUE`).execute(),

  /** Marks posts deleted at the source and hides their text (they stay counted in past buckets). */
  async markDeleted(db: Kysely<DB>, sourceId: string, externalIds: string[], now: Date): Promise<number> {
    if (externalIds.length === 0) return 0;
    const result = await db.updateTable('mentions').set({ deleted_at: now, text: '', author: null })
      .where('source_id', '=', sourceId).where('external_id', 'in', externalIds).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** Raises stored engagement to what the network reports now (counts only grow here: boosts arrive late). */
  async raiseEngagement(db: Kysely<DB>, sourceId: string, updates: Engagement[]): Promise<void> {
    for (const u of updates) {
      if (u.likes == null && u.reposts == null && u.replies == null) continue;
      await db.updateTable('mentions').set((eb) => ({
        ...(u.likes != null ? { likes: sql<number>`GREATEST(COALESCE(${eb.ref('likes')}, 0), ${u.likes})` } : {}),
        ...(u.reposts != null ? { reposts: sql<number>`GREATEST(COALESCE(${eb.ref('reposts')}, 0), ${u.reposts})` } : {}),
        ...(u.replies != null ? { replies: sql<number>`GREATEST(COALESCE(${eb.ref('replies')}, 0), ${u.replies})` } : {}),
      })).where('source_id', '=', sourceId).where('external_id', '=', u.externalId).execute();
    }
  },
};
