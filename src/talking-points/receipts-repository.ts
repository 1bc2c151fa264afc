// SQL for distribution: who is in an audience, who reported signals linked to an incident, the receipts
// (sent/read) and the outbox rows written when a point is published.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Audience } from '../db/tables/talking-points.js';
import { json } from '../db/tables/json.js';

export interface AudienceMember { id: string; email: string; name: string; lang: 'fr' | 'en' }
export interface LinkedAlert { id: string; watchlist_id: string | null; opened_at: Date; explanation: Record<string, unknown> }
export interface NewNotification { talking_point_id: string; user_id: string; recipient: string; idempotency_key: string; payload: Record<string, unknown>; next_attempt_at: Date }

const CHUNK = 500;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export const receiptsRepository = {
  /** Enabled ambassadors, all of them or the members of the audience's groups (other roles never receive points). */
  audienceMembers(db: Kysely<DB>, audience: Audience): Promise<AudienceMember[]> {
    let q = db.selectFrom('users as u').select(['u.id', 'u.email', 'u.name', 'u.lang'])
      .where('u.role', '=', 'ambassador').where('u.disabled_at', 'is', null);
    if (!audience.all) {
      const groupIds = audience.group_ids ?? [];
      if (groupIds.length === 0) return Promise.resolve([]);
      q = q.where((eb) => eb.exists(eb.selectFrom('group_members as gm').select('gm.user_id').whereRef('gm.user_id', '=', 'u.id').where('gm.group_id', 'in', groupIds)));
    }
    return q.orderBy('u.name').orderBy('u.id').execute();
  },

  /** The alerts a point is about: those of its incident plus those linked directly. */
  linkedAlerts(db: Kysely<DB>, incidentId: string | null, alertIds: string[]): Promise<LinkedAlert[]> {
    if (!incidentId && alertIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('alerts').select(['id', 'watchlist_id', 'opened_at', 'explanation'])
      .where((eb) => eb.or([
        ...(incidentId ? [eb('incident_id', '=', incidentId)] : []),
        ...(alertIds.length ? [eb('id', 'in', alertIds)] : []),
      ])).execute();
  },

  /** Users who reported a signal since `since` filed under one of these watchlists or stored as one of these mentions. */
  async signalReporters(db: Kysely<DB>, link: { watchlistIds: string[]; mentionIds: number[]; since: Date }): Promise<string[]> {
    if (link.watchlistIds.length === 0 && link.mentionIds.length === 0) return [];
    const rows = await db.selectFrom('signals').select('user_id').distinct()
      .where('created_at', '>=', link.since)
      .where((eb) => eb.or([
        ...(link.watchlistIds.length ? [
          eb('watchlist_id', 'in', link.watchlistIds),
          sql<boolean>`watchlist_ids && ${sql.val(link.watchlistIds)}::uuid[]`,
        ] : []),
        ...(link.mentionIds.length ? [eb('mention_id', 'in', link.mentionIds)] : []),
      ])).execute();
    return rows.map((r) => r.user_id);
  },

  async insertReceipts(db: Kysely<DB>, pointId: string, rows: { user_id: string; priority: boolean }[], sentAt: Date): Promise<void> {
    for (const chunk of chunks(rows)) {
      await db.insertInto('talking_point_receipts').values(chunk.map((r) => ({ talking_point_id: pointId, user_id: r.user_id, priority: r.priority, sent_at: sentAt })))
        .onConflict((oc) => oc.columns(['talking_point_id', 'user_id']).doNothing()).execute();
    }
  },

  async insertNotifications(db: Kysely<DB>, rows: NewNotification[]): Promise<void> {
    for (const chunk of chunks(rows)) {
      await db.insertInto('notifications').values(chunk.map((n) => ({
        idempotency_key: n.idempotency_key, talking_point_id: n.talking_point_id, channel: 'email' as const, recipient: n.recipient,
        user_id: n.user_id, payload: json(n.payload), next_attempt_at: n.next_attempt_at,
      }))).onConflict((oc) => oc.column('idempotency_key').doNothing()).execute();
    }
  },

  recipients: (db: Kysely<DB>, pointId: string) =>
    db.selectFrom('talking_point_receipts as r').innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.user_id', 'u.name', 'u.email', 'r.priority', 'r.sent_at', 'r.read_at'])
      .where('r.talking_point_id', '=', pointId).orderBy('r.priority', 'desc').orderBy('u.name').orderBy('u.id').execute(),

  receipt: (db: Kysely<DB>, pointId: string, userId: string) =>
    db.selectFrom('talking_point_receipts').select(['priority', 'sent_at', 'read_at']).where('talking_point_id', '=', pointId).where('user_id', '=', userId).executeTakeFirst(),

  /** Sets read_at the first time only; returns the receipt's read_at, or undefined when there is no receipt. */
  async markRead(db: Kysely<DB>, pointId: string, userId: string, now: Date): Promise<Date | undefined> {
    const row = await db.updateTable('talking_point_receipts').set({ read_at: sql<Date>`COALESCE(read_at, ${now}::timestamptz)` })
      .where('talking_point_id', '=', pointId).where('user_id', '=', userId).returning('read_at').executeTakeFirst();
    return row?.read_at ?? undefined;
  },

  /** The caller's published points: unread first, then newest. */
  feed: (db: Kysely<DB>, userId: string, limit: number) =>
    db.selectFrom('talking_point_receipts as r').innerJoin('talking_points as tp', 'tp.id', 'r.talking_point_id')
      .select(['r.talking_point_id', 'r.read_at', 'r.priority'])
      .where('r.user_id', '=', userId).where('tp.status', '=', 'published')
      .orderBy(sql`r.read_at IS NULL`, 'desc').orderBy('tp.published_at', 'desc').limit(limit).execute(),
};
