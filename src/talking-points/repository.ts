// All SQL about talking points: the versioned rows, their lineage, receipts and the library search.
import { sql, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import { json } from '../db/tables/json.js';
import type { TalkingPointStatus, TalkingPointsTable } from '../db/tables/talking-points.js';
import { searchDocument, searchQuery, type Content } from './content.js';
import type { ListFilter } from './types.js';

/** Every column but the tsvector, which only the database reads. */
const POINT_COLUMNS = [
  'tp.id', 'tp.lineage_id', 'tp.version', 'tp.status', 'tp.title', 'tp.body', 'tp.variants', 'tp.shareable', 'tp.share_url', 'tp.suggested_posts',
  'tp.tags', 'tp.incident_id', 'tp.alert_ids', 'tp.audience', 'tp.author_id', 'tp.submitted_at', 'tp.approved_by', 'tp.approved_at',
  'tp.published_by', 'tp.published_at', 'tp.retired_at', 'tp.sent_back_reason', 'tp.sent_back_by', 'tp.sent_back_at',
  'tp.created_at', 'tp.updated_at',
] as const;

const OPEN_STATUSES: TalkingPointStatus[] = ['draft', 'in_review', 'approved'];

function withNames(db: Kysely<DB>) {
  return db.selectFrom('talking_points as tp')
    .innerJoin('users as au', 'au.id', 'tp.author_id')
    .leftJoin('users as ap', 'ap.id', 'tp.approved_by')
    .leftJoin('users as pu', 'pu.id', 'tp.published_by')
    .leftJoin('users as sb', 'sb.id', 'tp.sent_back_by')
    .select(POINT_COLUMNS)
    .select(['au.name as author_name', 'ap.name as approver_name', 'pu.name as publisher_name', 'sb.name as sent_back_by_name']);
}

export type PointRecord = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;
export type PointRow = Omit<PointRecord, 'author_name' | 'approver_name' | 'publisher_name' | 'sent_back_by_name'>;

/** The tsvector written with every content change; see searchDocument() for why the text is folded in JS. */
function searchVector(c: Pick<Content, 'title' | 'body' | 'variants' | 'tags'>) {
  const doc = searchDocument(c);
  return sql<string>`setweight(to_tsvector('simple', ${doc.titles}), 'A') || setweight(to_tsvector('simple', ${doc.bodies}), 'B')`;
}

function contentColumns(c: Content) {
  return {
    title: c.title, body: c.body, variants: json(c.variants), shareable: c.shareable, share_url: c.share_url, suggested_posts: json(c.suggested_posts),
    tags: c.tags, incident_id: c.incident_id, alert_ids: c.alert_ids, audience: json(c.audience), search: searchVector(c),
  };
}

export const talkingPointsRepository = {
  insert: (db: Kysely<DB>, values: { lineage_id: string; version: number; author_id: string; content: Content }) =>
    db.insertInto('talking_points')
      .values({ lineage_id: values.lineage_id, version: values.version, author_id: values.author_id, ...contentColumns(values.content) })
      .returning('id').executeTakeFirstOrThrow(),

  updateContent: (db: Kysely<DB>, id: string, content: Content, extra: Updateable<TalkingPointsTable> = {}) =>
    db.updateTable('talking_points').set({ ...contentColumns(content), ...extra, updated_at: new Date() }).where('id', '=', id).execute(),

  setStatus: (db: Kysely<DB>, id: string, patch: Updateable<TalkingPointsTable> & { status: TalkingPointStatus }) =>
    db.updateTable('talking_points').set({ ...patch, updated_at: new Date() }).where('id', '=', id).execute(),

  /** The row locked for a transition, so two concurrent transitions of one point run one after the other. */
  lock: (db: Kysely<DB>, id: string): Promise<PointRow | undefined> =>
    db.selectFrom('talking_points as tp').select(POINT_COLUMNS).where('tp.id', '=', id).forNoKeyUpdate().executeTakeFirst(),

  get: (db: Kysely<DB>, id: string) => withNames(db).where('tp.id', '=', id).executeTakeFirst(),

  byIds: (db: Kysely<DB>, ids: string[]) => (ids.length === 0 ? Promise.resolve([]) : withNames(db).where('tp.id', 'in', ids).execute()),

  list(db: Kysely<DB>, filter: ListFilter & { publishedOnly?: boolean }) {
    let q = withNames(db);
    if (filter.statuses?.length) q = q.where('tp.status', 'in', filter.statuses);
    if (filter.publishedOnly) q = q.where('tp.published_at', 'is not', null);
    if (filter.incidentId) q = q.where('tp.incident_id', '=', filter.incidentId);
    if (filter.tag) q = q.where(sql<boolean>`${filter.tag.trim().replace(/^#+/, '').toLowerCase()} = ANY(tp.tags)`);
    const tsquery = filter.q ? searchQuery(filter.q) : null;
    if (filter.q && !tsquery) return Promise.resolve([]);
    if (tsquery) {
      q = q.where(sql<boolean>`tp.search @@ to_tsquery('simple', ${tsquery})`)
        .orderBy(sql`ts_rank(tp.search, to_tsquery('simple', ${tsquery}))`, 'desc');
    }
    return q.orderBy(filter.publishedOnly ? 'tp.published_at' : 'tp.updated_at', 'desc').orderBy('tp.id', 'desc').limit(filter.limit).execute();
  },

  versions: (db: Kysely<DB>, lineageId: string) =>
    db.selectFrom('talking_points').select(['id', 'version', 'status']).where('lineage_id', '=', lineageId).orderBy('version', 'asc').execute(),

  /** A draft, in-review or approved version of the lineage other than `exceptId`: the one to edit instead. */
  openVersion: (db: Kysely<DB>, lineageId: string, exceptId: string) =>
    db.selectFrom('talking_points').select(['id', 'version', 'status']).where('lineage_id', '=', lineageId)
      .where('status', 'in', OPEN_STATUSES).where('id', '!=', exceptId).executeTakeFirst(),

  async nextVersion(db: Kysely<DB>, lineageId: string): Promise<number> {
    const row = await db.selectFrom('talking_points').select((eb) => eb.fn.max('version').as('v')).where('lineage_id', '=', lineageId).executeTakeFirst();
    return Number(row?.v ?? 0) + 1;
  },

  /** Marks the lineage's published version (other than `exceptId`) superseded; returns it if there was one. */
  supersedePublished: (db: Kysely<DB>, lineageId: string, exceptId: string) =>
    db.updateTable('talking_points').set({ status: 'superseded', updated_at: new Date() })
      .where('lineage_id', '=', lineageId).where('status', '=', 'published').where('id', '!=', exceptId)
      .returning(['id', 'version']).executeTakeFirst(),

  /** Users other than the author who edited this version in place (from the audit log, written with each edit). */
  async editorIds(db: Kysely<DB>, id: string, authorId: string): Promise<string[]> {
    const rows = await db.selectFrom('audit_log').select('actor_id').distinct()
      .where('entity_type', '=', 'talking_point').where('entity_id', '=', id).where('action', '=', 'talking_point.edited')
      .where('actor_id', 'is not', null).execute();
    return rows.map((r) => r.actor_id!).filter((a) => a !== authorId);
  },

  /** The audit trail of every version of a lineage, with the actors' names. */
  history: (db: Kysely<DB>, ids: string[]) =>
    ids.length === 0 ? Promise.resolve([]) : db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_id')
      .select(['a.id', 'a.at', 'a.action', 'a.entity_id', 'a.actor_id', 'a.actor_label', 'a.details', 'u.name as actor_name'])
      .where('a.entity_type', '=', 'talking_point').where('a.entity_id', 'in', ids).orderBy('a.id', 'asc').execute(),

  /** Pending emails of a version that should no longer go out (retired or superseded before delivery). */
  cancelPendingNotifications: (db: Kysely<DB>, id: string) =>
    db.updateTable('notifications').set({ status: 'cancelled' }).where('talking_point_id', '=', id).where('status', '=', 'pending').execute(),
};
