// All SQL about users and their tokens.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Role, UserRow } from '../db/tables/users.js';

export interface NewUser { email: string; name: string; role: Role; password_hash: string | null; lang?: 'fr' | 'en'; must_change_password?: boolean }

export const usersRepository = {
  async insert(db: Kysely<DB>, user: NewUser): Promise<UserRow> {
    return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
  },
  async findByEmail(db: Kysely<DB>, email: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  },
  async findById(db: Kysely<DB>, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async list(db: Kysely<DB>, filter: { role?: Role } = {}): Promise<UserRow[]> {
    let q = db.selectFrom('users').selectAll().orderBy('created_at', 'asc');
    if (filter.role) q = q.where('role', '=', filter.role);
    return q.execute();
  },
  async count(db: Kysely<DB>): Promise<number> {
    const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },
  async update(db: Kysely<DB>, id: string, patch: Partial<Pick<UserRow, 'name' | 'role' | 'lang' | 'password_hash' | 'disabled_at' | 'must_change_password'>>): Promise<UserRow | undefined> {
    return db.updateTable('users').set({ ...patch, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirst();
  },
  /** Ids of the active administrators, rows locked so that two demotions at once cannot both pass. */
  async lockActiveAdminIds(db: Kysely<DB>): Promise<string[]> {
    const rows = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).forUpdate().execute();
    return rows.map((r) => r.id);
  },
  async activeByRoles(db: Kysely<DB>, roles: Role[]): Promise<UserRow[]> {
    if (roles.length === 0) return [];
    return db.selectFrom('users').selectAll().where('role', 'in', roles).where('disabled_at', 'is', null).execute();
  },
};

export const tokensRepository = {
  async insert(db: Kysely<DB>, row: { user_id: string; kind: 'api' | 'session'; token_hash: string; label: string | null; expires_at: Date | null }) {
    return db.insertInto('auth_tokens').values(row).returning(['id', 'expires_at']).executeTakeFirstOrThrow();
  },
  /** The token's user, when the token is valid (not revoked, not expired) and the user is active. */
  async findUserByTokenHash(db: Kysely<DB>, tokenHash: string, now: Date) {
    return db
      .selectFrom('auth_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id as token_id', 't.kind as token_kind', 't.last_used_at', 'u.id', 'u.email', 'u.name', 'u.role', 'u.lang', 'u.must_change_password'])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
      .where('u.disabled_at', 'is', null)
      .executeTakeFirst();
  },
  async touch(db: Kysely<DB>, tokenId: string, now: Date): Promise<void> {
    await db.updateTable('auth_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
  },
  async revokeByHash(db: Kysely<DB>, tokenHash: string, kind?: 'session'): Promise<void> {
    let q = db.updateTable('auth_tokens').set({ revoked_at: new Date() }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null);
    if (kind) q = q.where('kind', '=', kind);
    await q.execute();
  },
  async revokeOthersForUser(db: Kysely<DB>, userId: string, keepHash: string | null): Promise<void> {
    let q = db.updateTable('auth_tokens').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null);
    if (keepHash) q = q.where('token_hash', '!=', keepHash);
    await q.execute();
  },
  async revokeAllForUser(db: Kysely<DB>, userId: string): Promise<void> {
    await db.updateTable('auth_tokens').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
  },
};
