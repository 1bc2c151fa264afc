// All SQL about alerts: the unique-fingerprint insert, locking reads, listing with a keyset cursor, the
// timeline, and the timer claims (escalation due, acknowledgement expired, snooze over) with SKIP LOCKED.
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AlertRow, AlertsTable, AlertStatus } from '../db/tables/alerts.js';
import { json } from '../db/tables/json.js';
import { SEVERITIES, type AlertSort, type Severity } from '../contract/enums.js';
import { decodeCursor, decodeRankedCursor, encodeCursor, encodeRankedCursor } from '../shared/cursor.js';
import { severityRank } from './grouping.js';

export type NewAlert = Insertable<AlertsTable>;

export interface AlertFilter {
  statuses?: AlertStatus[]; watchlistId?: string; kind?: string; severity?: Severity; since?: Date; incidentId?: string;
  /** A user id, or 'none' for alerts nobody owns. */
  assignee?: string; groupId?: string; sort?: AlertSort; limit: number; cursor?: string;
}

/** The severity's rank in SQL (0 low … 3 critical), from the contract's order. */
const severityRankSql = sql<number>`(CASE severity ${sql.join(SEVERITIES.map((s, i) => sql`WHEN ${sql.lit(s)} THEN ${sql.lit(i)}`), sql` `)} ELSE -1 END)`;
const UUID = /^[0-9a-f-]{36}$/;

export interface ReachedMention { id: string; author_followers: number | null; likes: number | null; reposts: number | null; replies: number | null }

export const alertsRepository = {
  /**
   * The negative mention with the widest audience behind an alert: in the watchlist, within the window, or
   * among the sample ids (audience = followers + 20 × (likes + 2 × reposts + replies), see src/ingest/reach.ts).
   */
  async widestNegative(db: Kysely<DB>, watchlistId: string, window: { start: Date; end: Date } | null, sampleIds: string[]): Promise<ReachedMention | null> {
    const ids = sampleIds.filter((id) => /^\d{1,18}$/.test(id));
    if (!window && ids.length === 0) return null;
    const row = await db.selectFrom('mentions')
      .select([sql<string>`id::text`.as('id'), 'author_followers', 'likes', 'reposts', 'replies'])
      .where('label', '=', 'negative')
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([
        ...(window ? [eb.and([eb(sql`${watchlistId}::uuid`, '=', sql`ANY(watchlist_ids)`), eb('published_at', '>=', window.start), eb('published_at', '<=', window.end)])] : []),
        ...(ids.length ? [eb(sql`id`, 'in', ids.map((id) => sql`${id}::bigint`))] : []),
      ]))
      .where(sql<boolean>`coalesce(author_followers, likes, reposts, replies) IS NOT NULL`)
      .orderBy(sql`coalesce(author_followers, 0) + 20 * (coalesce(likes, 0) + 2 * coalesce(reposts, 0) + coalesce(replies, 0))`, 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  },

  /** Inserts the alert unless its fingerprint exists: returns null when another instance (or replay) won. */
  async insertIfNew(db: Kysely<DB>, alert: NewAlert): Promise<AlertRow | null> {
    const row = await db.insertInto('alerts').values(alert).onConflict((oc) => oc.column('fingerprint').doNothing()).returningAll().executeTakeFirst();
    return row ?? null;
  },

  get: (db: Kysely<DB>, id: string) => db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst(),

  // FOR NO KEY UPDATE: a state change must not block rows that merely reference the alert (timeline
  // entries, deliveries take KEY SHARE locks), which FOR UPDATE would, and deadlock with the outbox.
  getForUpdate: (db: Kysely<DB>, id: string) => db.selectFrom('alerts').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst(),

  update: (db: Kysely<DB>, id: string, patch: Updateable<AlertsTable>) =>
    db.updateTable('alerts').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

  /** A page of alerts: by severity then recency (the default), or newest first, with a keyset cursor. */
  async list(db: Kysely<DB>, f: AlertFilter): Promise<{ rows: AlertRow[]; next: string | null }> {
    const bySeverity = (f.sort ?? 'severity') === 'severity';
    let q = db.selectFrom('alerts').selectAll();
    q = bySeverity ? q.orderBy(severityRankSql, 'desc') : q;
    q = q.orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(f.limit + 1);
    if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
    if (f.watchlistId) q = q.where('watchlist_id', '=', f.watchlistId);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.severity) q = q.where('severity', '=', f.severity);
    if (f.since) q = q.where('opened_at', '>=', f.since);
    if (f.incidentId) q = q.where('incident_id', '=', f.incidentId);
    if (f.assignee) q = f.assignee === 'none' ? q.where('assignee_id', 'is', null) : q.where('assignee_id', '=', f.assignee);
    if (f.groupId) q = q.where(sql`coalesce(group_id, id)`, '=', sql`${f.groupId}::uuid`);
    if (f.cursor && bySeverity) {
      const c = decodeRankedCursor(f.cursor, UUID);
      q = q.where(sql<boolean>`(${severityRankSql}, opened_at, id) < (${c.rank}::int, ${c.at}::timestamptz, ${c.id}::uuid)`);
    } else if (f.cursor) {
      const c = decodeCursor(f.cursor, UUID);
      q = q.where((eb) => eb.or([eb('opened_at', '<', c.at), eb.and([eb('opened_at', '=', c.at), eb('id', '<', c.id)])]));
    }
    const rows = await q.execute();
    const page = rows.slice(0, f.limit);
    const last = page.at(-1);
    const next = rows.length > f.limit && last
      ? bySeverity ? encodeRankedCursor(severityRank(last.severity), last.opened_at, last.id) : encodeCursor(last.opened_at, last.id)
      : null;
    return { rows: page, next };
  },

  /** The newest alert of this watchlist opened since `since`: a new episode then joins its group. */
  relatedAlert: (db: Kysely<DB>, watchlistId: string, since: Date) =>
    db.selectFrom('alerts').select(['id', 'group_id']).where('watchlist_id', '=', watchlistId).where('opened_at', '>=', since)
      .orderBy('opened_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst(),

  /** A user an alert may be assigned to is looked up with its role and whether it is disabled. */
  assignable: (db: Kysely<DB>, userId: string) =>
    db.selectFrom('users').select(['id', 'name', 'role', 'disabled_at']).where('id', '=', userId).executeTakeFirst(),

  async addTimeline(db: Kysely<DB>, alertId: string, type: string, actorId: string | null, details: Record<string, unknown> = {}): Promise<void> {
    await db.insertInto('alert_events').values({ alert_id: alertId, type, actor_id: actorId, details: json(details) }).execute();
  },

  timeline: (db: Kysely<DB>, alertId: string) =>
    db.selectFrom('alert_events as e').leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.id', 'e.at', 'e.type', 'e.actor_id', 'u.name as actor_name', 'e.details']).where('e.alert_id', '=', alertId).orderBy('e.id').execute(),

  /** Open alerts whose next escalation step is due, locked for this transaction; others skip them. */
  claimDueEscalations: (db: Kysely<DB>, now: Date, limit: number) =>
    db.selectFrom('alerts').selectAll().where('status', '=', 'open').where('escalation_due_at', '<=', now)
      .orderBy('escalation_due_at').limit(limit).forNoKeyUpdate().skipLocked().execute(),

  claimExpiredAcks: (db: Kysely<DB>, now: Date, limit: number) =>
    db.selectFrom('alerts').selectAll().where('status', '=', 'acknowledged').where('ack_expires_at', '<=', now)
      .limit(limit).forNoKeyUpdate().skipLocked().execute(),

  claimSnoozeOver: (db: Kysely<DB>, now: Date, limit: number) =>
    db.selectFrom('alerts').selectAll().where('status', '=', 'snoozed').where('snoozed_until', '<=', now)
      .limit(limit).forNoKeyUpdate().skipLocked().execute(),

  /** Stop every pending delivery of this alert (acknowledged or resolved alerts never page again). */
  async cancelPendingNotifications(db: Kysely<DB>, alertId: string, reason: string): Promise<number> {
    const res = await db.updateTable('notifications').set({ status: 'cancelled', last_error: reason })
      .where('alert_id', '=', alertId).where('status', '=', 'pending').executeTakeFirst();
    return Number(res.numUpdatedRows);
  },

  byEpisode: (db: Kysely<DB>, fingerprint: string) => db.selectFrom('alerts').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst(),

  async usersByIds(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};

export async function watchlistNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('watchlists').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

