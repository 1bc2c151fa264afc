// All SQL about incidents outside their own lifecycle: the incident as the stream and the API show it, its
// timeline rows, and the facts an after-action report and the monthly MTTA/MTTR are computed from.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { json } from '../db/tables/json.js';
import type { IncidentRow } from '../db/tables/incidents.js';
import { appendEvent } from '../events/repository.js';
import type { IncidentEventType } from '../contract/events.js';
import { ALERT_AUDIENCE } from '../alerts/escalation.js';
import type { IncidentView, Person } from './types.js';

export type { IncidentView, Person } from './types.js';

export async function incidentView(conn: Kysely<DB>, row: IncidentRow): Promise<IncidentView> {
  const people = [row.declared_by, row.commander_id, row.comms_lead_id].filter((x): x is string => !!x);
  const [alerts, users] = await Promise.all([
    conn.selectFrom('alerts').select('id').where('incident_id', '=', row.id).orderBy('opened_at').execute(),
    people.length ? conn.selectFrom('users').select(['id', 'name']).where('id', 'in', people).execute() : Promise.resolve([]),
  ]);
  const who = (id: string | null): Person => (id ? users.find((u) => u.id === id) ?? { id, name: 'unknown' } : null);
  return {
    id: row.id, title: row.title, summary: row.summary, status: row.status, phase: row.phase,
    declared_by: who(row.declared_by), commander: who(row.commander_id), comms_lead: who(row.comms_lead_id),
    created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString(), closed_at: row.closed_at?.toISOString() ?? null,
    alert_ids: alerts.map((a) => a.id),
  };
}

export const incidentsRepository = {
  row: (conn: Kysely<DB>, id: string) => conn.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst(),

  async record(conn: Kysely<DB>, incidentId: string, entry: { type: string; actorId: string | null; at: Date; details?: Record<string, unknown> }): Promise<void> {
    await conn.insertInto('incident_events').values({ incident_id: incidentId, at: entry.at, type: entry.type, actor_id: entry.actorId, details: json(entry.details ?? {}) }).execute();
  },

  /** Stream event with the incident as it is now (alert ids included), for every role that sees alerts. */
  async announce(conn: Kysely<DB>, type: IncidentEventType, row: IncidentRow): Promise<IncidentView> {
    const v = await incidentView(conn, row);
    await appendEvent(conn, type, v, { roles: ALERT_AUDIENCE });
    return v;
  },

  /**
   * Something happened to one of the incident's alerts or points (acknowledged, published…): written to its
   * timeline and announced as incident.updated, so every open incident page follows.
   */
  async noteActivity(conn: Kysely<DB>, incidentId: string, entry: { type: string; actorId: string | null; at: Date; details?: Record<string, unknown> }): Promise<void> {
    await incidentsRepository.record(conn, incidentId, entry);
    const row = await conn.updateTable('incidents').set({ updated_at: entry.at }).where('id', '=', incidentId).returningAll().executeTakeFirst();
    if (row) await incidentsRepository.announce(conn, 'incident.updated', row);
  },

  async groupNames(conn: Kysely<DB>, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    return (await conn.selectFrom('groups').select('name').where('id', 'in', ids).orderBy('name').execute()).map((g) => g.name);
  },

  timeline: (conn: Kysely<DB>, id: string) =>
    conn.selectFrom('incident_events as e').leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.id', 'e.at', 'e.type', 'e.actor_id', 'u.name as actor_name', 'e.details']).where('e.incident_id', '=', id).orderBy('e.at').orderBy('e.id').execute(),

  /** Sent and read counts of talking points, for the read rates shown beside each publication. */
  async readCounts(conn: Kysely<DB>, pointIds: string[]): Promise<Map<string, { sent: number; read: number }>> {
    if (pointIds.length === 0) return new Map();
    const rows = await conn.selectFrom('talking_point_receipts').select((eb) => ['talking_point_id', eb.fn.countAll<string>().as('sent'), eb.fn.count<string>('read_at').as('read')])
      .where('talking_point_id', 'in', pointIds).groupBy('talking_point_id').execute();
    return new Map(rows.map((r) => [r.talking_point_id, { sent: Number(r.sent), read: Number(r.read) }]));
  },

  alerts: (conn: Kysely<DB>, id: string) =>
    conn.selectFrom('alerts').select(['id', 'title', 'kind', 'severity', 'watchlist_id', 'opened_at', 'acknowledged_at', 'resolved_at'])
      .where('incident_id', '=', id).orderBy('opened_at').execute(),

  /** Ambassador reports filed under the incident's watchlists in [since, until]. */
  signals(conn: Kysely<DB>, watchlistIds: string[], since: Date, until: Date) {
    if (watchlistIds.length === 0) return Promise.resolve([]);
    return conn.selectFrom('signals as s').innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.text', 's.url', 's.channel', 's.severity', 's.created_at', 'u.name as reporter'])
      .where('s.created_at', '>=', since).where('s.created_at', '<=', until)
      .where((eb) => eb.or([eb('s.watchlist_id', 'in', watchlistIds), sql<boolean>`s.watchlist_ids && ${sql.val(watchlistIds)}::uuid[]`]))
      .orderBy('s.created_at').limit(200).execute();
  },

  /** The first negative mention of these watchlists in [since, until]: when the noise began. */
  async firstNegativeMention(conn: Kysely<DB>, watchlistIds: string[], since: Date, until: Date): Promise<Date | null> {
    if (watchlistIds.length === 0) return null;
    const row = await conn.selectFrom('mentions').select((eb) => eb.fn.min('published_at').as('first'))
      .where('published_at', '>=', since).where('published_at', '<=', until).where('label', '=', 'negative')
      .where(sql<boolean>`watchlist_ids && ${sql.val(watchlistIds)}::uuid[]`).executeTakeFirst();
    return row?.first ? new Date(row.first as unknown as string) : null;
  },

  points: (conn: Kysely<DB>, id: string) =>
    conn.selectFrom('talking_points').select(['id', 'title', 'version', 'status', 'published_at'])
      .where('incident_id', '=', id).orderBy('created_at').execute(),

  /** Sent and read per audience group (a recipient in no group counts under null) for these points. */
  readByGroup(conn: Kysely<DB>, pointIds: string[]) {
    if (pointIds.length === 0) return Promise.resolve([]);
    return conn.selectFrom('talking_point_receipts as r')
      .leftJoin('group_members as gm', 'gm.user_id', 'r.user_id').leftJoin('groups as g', 'g.id', 'gm.group_id')
      .select((eb) => ['g.id as group_id', 'g.name as group_name', eb.fn.countAll<string>().as('sent'), eb.fn.count<string>('r.read_at').as('read')])
      .where('r.talking_point_id', 'in', pointIds).groupBy(['g.id', 'g.name']).orderBy('g.name').execute();
  },

  /** Summed buckets of these watchlists over [since, until). */
  series(conn: Kysely<DB>, watchlistIds: string[], since: Date, until: Date) {
    if (watchlistIds.length === 0) return Promise.resolve([]);
    return conn.selectFrom('buckets').select((eb) => ['bucket_start', eb.fn.sum<string>('count').as('count'), eb.fn.sum<string>('negative').as('negative')])
      .where('watchlist_id', 'in', watchlistIds).where('bucket_start', '>=', since).where('bucket_start', '<', until)
      .groupBy('bucket_start').orderBy('bucket_start').limit(2000).execute();
  },

  /** Resolved incidents declared since `since`, with their first alert and first acknowledgement. */
  resolvedSince(conn: Kysely<DB>, since: Date) {
    return conn.selectFrom('incidents as i').leftJoin('alerts as a', 'a.incident_id', 'i.id')
      .select((eb) => ['i.id', 'i.created_at', 'i.closed_at', eb.fn.min('a.opened_at').as('first_alert'), eb.fn.min('a.acknowledged_at').as('first_ack')])
      .where('i.created_at', '>=', since).where('i.status', '=', 'closed').groupBy(['i.id', 'i.created_at', 'i.closed_at']).execute();
  },
};
