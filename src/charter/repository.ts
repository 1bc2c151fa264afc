// All SQL about the charter (versions, acceptances) and training (modules, completions), plus the
// per-ambassador report the comms team reads.
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ChartersTable, TrainingModulesTable } from '../db/tables/ambassador.js';

const CHARTER_COLUMNS = ['c.version', 'c.body_fr', 'c.body_en', 'c.card_fr', 'c.card_en', 'c.published_at', 'c.published_by', 'u.name as publisher_name'] as const;

export const charterRepository = {
  current: (db: Kysely<DB>) =>
    db.selectFrom('charters as c').leftJoin('users as u', 'u.id', 'c.published_by').select(CHARTER_COLUMNS)
      .orderBy('c.version', 'desc').limit(1).executeTakeFirst(),

  currentVersion: async (db: Kysely<DB>): Promise<number | null> =>
    (await db.selectFrom('charters').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst())?.v ?? null,

  versions: (db: Kysely<DB>) =>
    db.selectFrom('charters as c').leftJoin('users as u', 'u.id', 'c.published_by').select(CHARTER_COLUMNS).orderBy('c.version', 'desc').execute(),

  insert: (db: Kysely<DB>, values: Insertable<ChartersTable>) => db.insertInto('charters').values(values).returning('version').executeTakeFirstOrThrow(),

  acceptance: (db: Kysely<DB>, userId: string, version: number) =>
    db.selectFrom('charter_acceptances').select('accepted_at').where('user_id', '=', userId).where('version', '=', version).executeTakeFirst(),

  latestAccepted: async (db: Kysely<DB>, userId: string): Promise<number | null> =>
    (await db.selectFrom('charter_acceptances').select((eb) => eb.fn.max('version').as('v')).where('user_id', '=', userId).executeTakeFirst())?.v ?? null,

  /** The first acceptance of a version is kept; returns when it happened. */
  async accept(db: Kysely<DB>, userId: string, version: number, at: Date): Promise<Date> {
    await db.insertInto('charter_acceptances').values({ user_id: userId, version, accepted_at: at })
      .onConflict((oc) => oc.columns(['user_id', 'version']).doNothing()).execute();
    const row = await charterRepository.acceptance(db, userId, version);
    return row!.accepted_at;
  },

  anyOpenIncident: async (db: Kysely<DB>): Promise<boolean> =>
    (await db.selectFrom('incidents').select('id').where('status', '=', 'open').limit(1).executeTakeFirst()) !== undefined,
};

export const trainingRepository = {
  list: (db: Kysely<DB>, options: { publishedOnly: boolean }) => {
    let q = db.selectFrom('training_modules').selectAll();
    if (options.publishedOnly) q = q.where('published', '=', true);
    return q.orderBy('position').orderBy('created_at').execute();
  },

  get: (db: Kysely<DB>, id: string) => db.selectFrom('training_modules').selectAll().where('id', '=', id).executeTakeFirst(),

  insert: (db: Kysely<DB>, values: Insertable<TrainingModulesTable>) => db.insertInto('training_modules').values(values).returning('id').executeTakeFirstOrThrow(),

  update: (db: Kysely<DB>, id: string, patch: Updateable<TrainingModulesTable>) =>
    db.updateTable('training_modules').set(patch).where('id', '=', id).returning('id').executeTakeFirst(),

  completions: (db: Kysely<DB>, userId: string) =>
    db.selectFrom('training_completions').select(['module_id', 'score', 'completed_at']).where('user_id', '=', userId).execute(),

  /** The first pass is the completion; a later retake changes nothing. */
  async complete(db: Kysely<DB>, moduleId: string, userId: string, score: number, at: Date): Promise<Date> {
    await db.insertInto('training_completions').values({ module_id: moduleId, user_id: userId, score, completed_at: at })
      .onConflict((oc) => oc.columns(['module_id', 'user_id']).doNothing()).execute();
    const row = await db.selectFrom('training_completions').select('completed_at').where('module_id', '=', moduleId).where('user_id', '=', userId).executeTakeFirstOrThrow();
    return row.completed_at;
  },
};

export const programmeRepository = {
  /** Enabled ambassadors with the latest charter version they accepted and how many published modules they completed. */
  ambassadors: (db: Kysely<DB>) =>
    db.selectFrom('users as u')
      .select(['u.id', 'u.name', 'u.email'])
      .select((eb) => eb.selectFrom('charter_acceptances as ca').select((e) => e.fn.max('ca.version').as('v')).whereRef('ca.user_id', '=', 'u.id').as('accepted_version'))
      .select((eb) => eb.selectFrom('training_completions as tc').innerJoin('training_modules as m', 'm.id', 'tc.module_id')
        .select(sql<number>`count(*)::int`.as('n')).whereRef('tc.user_id', '=', 'u.id').where('m.published', '=', true).as('modules_completed'))
      .where('u.role', '=', 'ambassador').where('u.disabled_at', 'is', null)
      .orderBy('u.name').orderBy('u.id').execute(),

  memberships: (db: Kysely<DB>) =>
    db.selectFrom('group_members as gm').innerJoin('groups as g', 'g.id', 'gm.group_id').select(['gm.user_id', 'g.id', 'g.name']).orderBy('g.name').execute(),

  groups: (db: Kysely<DB>) => db.selectFrom('groups').select(['id', 'name']).orderBy('name').execute(),

  publishedModuleCount: async (db: Kysely<DB>): Promise<number> =>
    (await db.selectFrom('training_modules').select(sql<number>`count(*)::int`.as('n')).where('published', '=', true).executeTakeFirstOrThrow()).n,
};
