// All SQL about tracked share links: one short code per (point, network, group), and click counts per code
// and day. Nothing here knows who shared or who clicked.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ShareNetwork } from '../contract/enums.js';

export const shareRepository = {
  /** The sharer's groups, by name; used to pick the group a link counts for. */
  userGroups: (db: Kysely<DB>, userId: string) =>
    db.selectFrom('group_members as gm').innerJoin('groups as g', 'g.id', 'gm.group_id').select(['g.id', 'g.name'])
      .where('gm.user_id', '=', userId).orderBy('g.name').orderBy('g.id').execute(),

  hasReceipt: async (db: Kysely<DB>, pointId: string, userId: string): Promise<boolean> =>
    (await db.selectFrom('talking_point_receipts').select('user_id').where('talking_point_id', '=', pointId).where('user_id', '=', userId).executeTakeFirst()) !== undefined,

  /** Creates the missing links (an existing one keeps its code) and returns them all. */
  async ensureLinks(db: Kysely<DB>, pointId: string, groupId: string | null, codes: { network: ShareNetwork; code: string }[]) {
    await db.insertInto('share_links').values(codes.map((c) => ({ code: c.code, talking_point_id: pointId, network: c.network, group_id: groupId })))
      .onConflict((oc) => oc.doNothing()).execute();
    return db.selectFrom('share_links').select(['code', 'network']).where('talking_point_id', '=', pointId)
      .where(groupId === null ? sql<boolean>`group_id IS NULL` : sql<boolean>`group_id = ${groupId}`).execute();
  },

  /** Where a code leads: the share_url of its point (null when the point no longer has one). */
  target: (db: Kysely<DB>, code: string) =>
    db.selectFrom('share_links as l').innerJoin('talking_points as tp', 'tp.id', 'l.talking_point_id').select(['l.code', 'tp.share_url'])
      .where('l.code', '=', code).executeTakeFirst(),

  countClick: (db: Kysely<DB>, code: string, day: string) =>
    db.insertInto('share_clicks').values({ code, day, clicks: 1 })
      .onConflict((oc) => oc.columns(['code', 'day']).doUpdateSet({ clicks: sql<number>`share_clicks.clicks + 1` })).execute(),

  /** Clicks of a point's links, per network and group. */
  clicks: (db: Kysely<DB>, pointId: string) =>
    db.selectFrom('share_links as l').leftJoin('share_clicks as c', 'c.code', 'l.code').leftJoin('groups as g', 'g.id', 'l.group_id')
      .select(['l.network', 'l.group_id', 'g.name as group_name', sql<number>`coalesce(sum(c.clicks), 0)::int`.as('clicks')])
      .where('l.talking_point_id', '=', pointId).groupBy(['l.network', 'l.group_id', 'g.name']).execute(),
};
