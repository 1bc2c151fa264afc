// SQL of the invitations screen: pending invitations (the link never used), their links, and revocation.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface PendingInvitation {
  id: string; email: string; name: string; lang: 'fr' | 'en'; invited_at: Date; link_expires_at: Date | null; groups: string[];
}

/** An invited user who has never signed in: no invitation link used and no session ever opened. */
const neverSignedIn = (db: Kysely<DB>) => db.selectFrom('users as u')
  .where('u.invited_at', 'is not', null)
  .where('u.disabled_at', 'is', null)
  .where(({ not, exists, selectFrom }) => not(exists(selectFrom('sign_in_links as l').select('l.id').whereRef('l.user_id', '=', 'u.id').where('l.used_at', 'is not', null))))
  .where(({ not, exists, selectFrom }) => not(exists(selectFrom('auth_tokens as t').select('t.id').whereRef('t.user_id', '=', 'u.id').where('t.kind', '=', 'session'))));

export const invitationsRepository = {
  async pending(db: Kysely<DB>, limit: number): Promise<PendingInvitation[]> {
    const rows = await neverSignedIn(db)
      .select(['u.id', 'u.email', 'u.name', 'u.lang', 'u.invited_at'])
      .select((eb) => eb.selectFrom('sign_in_links as l').select(sql<Date>`max(l.expires_at)`.as('e')).whereRef('l.user_id', '=', 'u.id').where('l.purpose', '=', 'invitation').as('link_expires_at'))
      .select((eb) => eb.selectFrom('group_members as gm').innerJoin('groups as g', 'g.id', 'gm.group_id')
        .select(sql<string[]>`coalesce(array_agg(g.name ORDER BY g.name), '{}')`.as('n')).whereRef('gm.user_id', '=', 'u.id').as('groups'))
      .orderBy('u.invited_at', 'desc').orderBy('u.id').limit(limit).execute();
    return rows.map((r) => ({ ...r, invited_at: r.invited_at!, link_expires_at: r.link_expires_at ? new Date(r.link_expires_at) : null, groups: r.groups ?? [] }));
  },

  /** The pending invitation, locked (a resend and a revoke of the same person do not cross). */
  async lockPending(db: Kysely<DB>, id: string) {
    return neverSignedIn(db).selectAll('u').where('u.id', '=', id).forUpdate().executeTakeFirst();
  },

  /** Links not yet used stop working (a resend replaces them; a revoke ends them). */
  async expireLinks(db: Kysely<DB>, userId: string, now: Date): Promise<void> {
    await db.updateTable('sign_in_links').set({ expires_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).where('expires_at', '>', now).execute();
  },

  async deleteUser(db: Kysely<DB>, id: string): Promise<void> {
    await db.deleteFrom('users').where('id', '=', id).execute();
  },
};
