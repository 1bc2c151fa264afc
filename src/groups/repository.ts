// All SQL about audience groups and their members.
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { GroupsTable } from '../db/tables/talking-points.js';

function withCounts(db: Kysely<DB>) {
  return db.selectFrom('groups as g').select(['g.id', 'g.name', 'g.kind', 'g.created_at'])
    .select((eb) => eb.selectFrom('group_members as gm').select(sql<number>`count(*)::int`.as('n')).whereRef('gm.group_id', '=', 'g.id').as('member_count'));
}

export const groupsRepository = {
  insert: (db: Kysely<DB>, values: Insertable<GroupsTable>) => db.insertInto('groups').values(values).returning('id').executeTakeFirstOrThrow(),

  update: (db: Kysely<DB>, id: string, patch: Updateable<GroupsTable>) => db.updateTable('groups').set(patch).where('id', '=', id).returning('id').executeTakeFirst(),

  remove: (db: Kysely<DB>, id: string) => db.deleteFrom('groups').where('id', '=', id).returning(['id', 'name']).executeTakeFirst(),

  get: (db: Kysely<DB>, id: string) => withCounts(db).where('g.id', '=', id).executeTakeFirst(),

  list: (db: Kysely<DB>) => withCounts(db).orderBy('g.kind').orderBy('g.name').execute(),

  byName: (db: Kysely<DB>, name: string) =>
    db.selectFrom('groups').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).executeTakeFirst(),

  members: (db: Kysely<DB>, id: string) =>
    db.selectFrom('group_members as gm').innerJoin('users as u', 'u.id', 'gm.user_id')
      .select(['u.id', 'u.name', 'u.email', 'u.role', 'u.lang', 'u.disabled_at']).where('gm.group_id', '=', id).orderBy('u.name').orderBy('u.id').execute(),

  async existingUserIds(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  },

  addMembers: (db: Kysely<DB>, id: string, userIds: string[]) =>
    db.insertInto('group_members').values(userIds.map((user_id) => ({ group_id: id, user_id })))
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing()).returning('user_id').execute(),

  removeMember: (db: Kysely<DB>, id: string, userId: string) =>
    db.deleteFrom('group_members').where('group_id', '=', id).where('user_id', '=', userId).returning('user_id').executeTakeFirst(),
};
