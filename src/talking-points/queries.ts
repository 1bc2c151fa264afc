// The read side of talking points: one point with its history, lists, the approved-responses library, an
// ambassador's feed and the receipts of a published point.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Role } from '../db/tables/users.js';
import { notFound } from '../shared/errors.js';
import type { DoNotSayChecker } from './do-not-say.js';
import { linksRepository } from './links-repository.js';
import { receiptsRepository } from './receipts-repository.js';
import { talkingPointsRepository as points } from './repository.js';
import type { FeedItem, ListFilter, ReceiptsView, TalkingPointDetail, TalkingPointView } from './types.js';
import { historyEntry, pointView } from './views.js';

/** Statuses an ambassador may open from a link: what was sent to them, even once replaced or withdrawn. */
const SENT_STATUSES = new Set(['published', 'superseded', 'retired']);

export function createTalkingPointQueries(db: Kysely<DB>, doNotSay: DoNotSayChecker) {
  async function view(id: string): Promise<TalkingPointView> {
    const record = await points.get(db, id);
    if (!record) throw notFound('talking point');
    return pointView(record, doNotSay);
  }

  return {
    view,

    /**
     * One point with the history of its whole lineage. Ambassadors see only points sent to them, with their
     * own receipt and without the editorial history; to anyone else, other points do not exist (404).
     */
    async detail(viewer: { id: string; role: Role }, id: string): Promise<TalkingPointDetail> {
      const point = await view(id);
      if (viewer.role === 'ambassador') {
        const receipt = SENT_STATUSES.has(point.status) ? await receiptsRepository.receipt(db, id, viewer.id) : undefined;
        if (!receipt) throw notFound('talking point');
        return { ...point, history: [], versions: [], read_at: receipt.read_at?.toISOString() ?? null, priority: receipt.priority };
      }
      const versions = await points.versions(db, point.lineage_id);
      const versionOf = new Map(versions.map((v) => [v.id, v.version]));
      const history = (await points.history(db, versions.map((v) => v.id))).map((row) => historyEntry(row, versionOf));
      return { ...point, history, versions };
    },

    async list(filter: ListFilter): Promise<TalkingPointView[]> {
      return (await points.list(db, filter)).map((r) => pointView(r, doNotSay));
    },

    /** Published lines, current and superseded (status says which), to reuse in the next crisis. */
    async library(filter: Omit<ListFilter, 'statuses'>): Promise<TalkingPointView[]> {
      return (await points.list(db, { ...filter, statuses: ['published', 'superseded'], publishedOnly: true })).map((r) => pointView(r, doNotSay));
    },

    async feed(userId: string, limit: number): Promise<FeedItem[]> {
      const receipts = await receiptsRepository.feed(db, userId, limit);
      const byId = new Map((await points.byIds(db, receipts.map((r) => r.talking_point_id))).map((r) => [r.id, r]));
      return receipts.flatMap((r) => {
        const record = byId.get(r.talking_point_id);
        return record ? [{ ...pointView(record, doNotSay), read_at: r.read_at?.toISOString() ?? null, priority: r.priority }] : [];
      });
    },

    async receipts(id: string): Promise<ReceiptsView> {
      await view(id);
      const rows = await receiptsRepository.recipients(db, id);
      const read = rows.filter((r) => r.read_at !== null).length;
      return {
        sent: rows.length, read, unread: rows.length - read,
        recipients: rows.map((r) => ({ user_id: r.user_id, name: r.name, email: r.email, priority: r.priority, sent_at: r.sent_at.toISOString(), read_at: r.read_at?.toISOString() ?? null })),
      };
    },

    async incidentTitle(trx: Kysely<DB>, id: string): Promise<string | null> {
      return (await linksRepository.incident(trx, id))?.title ?? null;
    },
  };
}
