// All SQL of single sign-on: authorization requests in flight, and the users they sign in.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Role, UserRow } from '../../db/tables/users.js';

export const oidcRepository = {
  /** Stores a new request and clears the expired ones (abandoned sign-ins), so the table stays small. */
  async saveRequest(db: Kysely<DB>, row: { state: string; code_verifier: string; nonce: string; expires_at: Date }, now: Date): Promise<void> {
    await db.deleteFrom('oidc_requests').where('expires_at', '<=', now).execute();
    await db.insertInto('oidc_requests').values(row).execute();
  },

  /** Takes the request out: a state can be used once, whoever uses it. */
  async takeRequest(db: Kysely<DB>, state: string) {
    return db.deleteFrom('oidc_requests').where('state', '=', state).returningAll().executeTakeFirst();
  },

  async findUser(db: Kysely<DB>, subject: string, email: string): Promise<UserRow | undefined> {
    return (await db.selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst())
      ?? db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  },

  async insertUser(db: Kysely<DB>, user: { email: string; name: string; role: Role; lang: 'fr' | 'en'; oidc_subject: string }): Promise<UserRow> {
    return db.insertInto('users').values({ ...user, password_hash: null }).returningAll().executeTakeFirstOrThrow();
  },

  async updateUser(db: Kysely<DB>, id: string, patch: { email: string; name: string; role: Role; oidc_subject: string }, now: Date): Promise<UserRow> {
    return db.updateTable('users').set({ ...patch, updated_at: now }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },

  /** Adds the memberships the provider names, creating missing groups; never removes one. */
  async joinGroups(db: Kysely<DB>, userId: string, names: string[]): Promise<void> {
    for (const name of names) {
      const found = await db.selectFrom('groups').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).executeTakeFirst();
      const id = found?.id ?? (await db.insertInto('groups').values({ name }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst())?.id
        ?? (await db.selectFrom('groups').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).executeTakeFirstOrThrow()).id;
      await db.insertInto('group_members').values({ group_id: id, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
    }
  },
};
