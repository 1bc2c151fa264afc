// Lookups of what a talking point links to: its incident, its alerts, its audience's groups.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export const linksRepository = {
  incident: (db: Kysely<DB>, id: string) => db.selectFrom('incidents').select(['id', 'title']).where('id', '=', id).executeTakeFirst(),

  alerts: (db: Kysely<DB>, ids: string[]) =>
    ids.length === 0 ? Promise.resolve([]) : db.selectFrom('alerts').select(['id', 'incident_id']).where('id', 'in', ids).execute(),

  async existingGroupIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('groups').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  },
};
