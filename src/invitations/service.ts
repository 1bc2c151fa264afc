// Invitations: an admin invites ambassadors one by one or from a CSV (email, name, language, groups).
// Each person is one transaction (user, group memberships, a single-use sign-in link), so a refused row
// leaves nothing behind; the email goes out after commit and its outcome is reported per row. A sign-in
// link is used once, before it expires, by an active user: it opens a session like a password login.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { audit } from '../audit/audit.js';
import { publicUser, validateEmail, type PublicUser } from '../auth/service.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import { tokensRepository } from '../auth/users-repository.js';
import type { DB } from '../db/schema.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Mailer } from '../notify/email/mailer.js';
import type { Actor } from '../shared/actor.js';
import type { Clock } from '../shared/clock.js';
import { AppError, badRequest } from '../shared/errors.js';
import { CsvError, parseCsv } from './csv.js';
import { invitationEmail } from './email.js';
import { invitationsRepository, type PendingInvitation } from './repository.js';

export interface InviteInput { email: string; name: string; language?: string | null; groups?: string[] }
export interface InviteResult { user: PublicUser; email_sent: boolean; email_error: string | null }
export interface CsvReport { rows: number; invited: number; refused: { row: number; email: string; reason: string }[]; not_emailed: { row: number; email: string; reason: string }[] }
export interface InvitationDeps { db: Kysely<DB>; logger: Logger; clock: Clock; mailer: Mailer; baseUrl: string; linkTtlHours: number; sessionTtlHours: number; maxRows: number }

export interface ResendResult { email_sent: boolean; email_error: string | null; link_expires_at: Date }

const NOT_PENDING = 'invitation not pending (unknown, already accepted, revoked or the user is disabled)';

export const CSV_COLUMNS = ['email', 'name', 'language', 'groups'] as const;
const EMAIL_CONCURRENCY = 8;
const LINK_ERROR = 'this sign-in link is invalid, was already used or has expired: ask for a new one';

const linkHash = (token: string) => createHash('sha256').update(token).digest('hex');

function validateRow(input: InviteInput): { email: string; name: string; lang: 'fr' | 'en'; groups: string[] } {
  const email = validateEmail(input.email);
  const name = input.name.trim();
  if (!name || name.length > 200) throw badRequest('name', 'must be 1 to 200 characters');
  const language = (input.language ?? '').trim().toLowerCase() || 'fr';
  if (language !== 'fr' && language !== 'en') throw badRequest('language', 'must be fr or en');
  const groups = [...new Set((input.groups ?? []).map((g) => g.trim()).filter(Boolean))];
  if (groups.some((g) => g.length > 200)) throw badRequest('groups', 'a group name is at most 200 characters');
  return { email, name, lang: language, groups };
}

export function createInvitationsService(deps: InvitationDeps) {
  const { db, logger, clock } = deps;

  async function groupIds(trx: Kysely<DB>, names: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of names) {
      const found = await trx.selectFrom('groups').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).executeTakeFirst();
      // A group named in the import that does not exist yet is created: imports are how teams are set up.
      ids.push(found?.id ?? (await trx.insertInto('groups').values({ name }).returning('id').executeTakeFirstOrThrow()).id);
    }
    return ids;
  }

  function insertLink(trx: Kysely<DB>, actor: Actor, userId: string, token: string) {
    const expires_at = new Date(clock.now().getTime() + deps.linkTtlHours * 3600_000);
    return trx.insertInto('sign_in_links').values({ user_id: userId, purpose: 'invitation', token_hash: linkHash(token), created_by: actor.id, expires_at }).returning('expires_at').executeTakeFirstOrThrow();
  }

  /** The user, memberships and link in one transaction; returns the link's secret for the email. */
  async function create(actor: Actor, input: InviteInput): Promise<{ user: PublicUser; token: string }> {
    const row = validateRow(input);
    const token = randomBytes(32).toString('base64url');
    try {
      const user = await db.transaction().execute(async (trx) => {
        const user = await trx.insertInto('users').values({ email: row.email, name: row.name, role: 'ambassador', password_hash: null, lang: row.lang, invited_at: clock.now() }).returningAll().executeTakeFirstOrThrow();
        const ids = await groupIds(trx, row.groups);
        if (ids.length) await trx.insertInto('group_members').values(ids.map((group_id) => ({ group_id, user_id: user.id }))).onConflict((oc) => oc.doNothing()).execute();
        await insertLink(trx, actor, user.id, token);
        await audit(trx, actor, { action: 'user.invited', entityType: 'user', entityId: user.id, details: { groups: row.groups } });
        return user;
      });
      return { user: publicUser(user), token };
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError(409, 'conflict', 'email: a user with this email already exists', 'email');
      throw err;
    }
  }

  async function sendInvitation(user: PublicUser, token: string): Promise<string | null> {
    const mail = invitationEmail(user, `${deps.baseUrl}/#/link/${token}`, deps.linkTtlHours);
    try {
      await deps.mailer.send({ to: user.email, subject: mail.subject, text: mail.text, html: mail.html, messageId: `invitation.${user.id}.${clock.now().getTime()}` });
      return null;
    } catch (err) {
      logger.warn({ userId: user.id, err: (err as Error).message }, 'invitation email not sent');
      return (err as Error).message.replace(/\s+/g, ' ').slice(0, 300);
    }
  }

  return {
    async invite(actor: Actor, input: InviteInput): Promise<InviteResult> {
      const { user, token } = await create(actor, input);
      const error = await sendInvitation(user, token);
      logger.info({ userId: user.id, emailed: error === null }, 'ambassador invited');
      return { user, email_sent: error === null, email_error: error };
    },

    /** Every row is judged on its own; the report names each refused row and why. */
    async importCsv(actor: Actor, csv: string): Promise<CsvReport> {
      let rows: string[][];
      try {
        rows = parseCsv(csv);
      } catch (err) {
        if (err instanceof CsvError) throw badRequest('csv', err.message);
        throw err;
      }
      const header = (rows.shift() ?? []).map((h) => h.toLowerCase());
      const missing = CSV_COLUMNS.filter((c) => c !== 'language' && c !== 'groups' && !header.includes(c));
      const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
      if (missing.length || unknown.length || new Set(header).size !== header.length) {
        throw badRequest('csv', `the header must name the columns ${CSV_COLUMNS.join(', ')} (language and groups optional)${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
      }
      if (rows.length > deps.maxRows) throw badRequest('csv', `at most ${deps.maxRows} rows per import (this file has ${rows.length})`);
      const col = (r: string[], name: string) => { const i = header.indexOf(name); return i >= 0 ? r[i] ?? '' : ''; };
      const report: CsvReport = { rows: rows.length, invited: 0, refused: [], not_emailed: [] };
      const seen = new Map<string, number>();
      const toEmail: { line: number; user: PublicUser; token: string }[] = [];
      for (const [index, r] of rows.entries()) {
        const line = index + 2; // the spreadsheet's row number, header included
        const email = col(r, 'email').trim().toLowerCase();
        if (r.length !== header.length) { report.refused.push({ row: line, email, reason: `expected ${header.length} columns, found ${r.length}` }); continue; }
        const earlier = seen.get(email);
        if (email && earlier) { report.refused.push({ row: line, email, reason: `duplicate of row ${earlier}` }); continue; }
        if (email) seen.set(email, line);
        try {
          const { user, token } = await create(actor, { email, name: col(r, 'name'), language: col(r, 'language'), groups: col(r, 'groups').split(/[|;,]/) });
          report.invited += 1;
          toEmail.push({ line, user, token });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          report.refused.push({ row: line, email, reason: err.message });
        }
      }
      // Emails after every row is settled, a few at a time (one SMTP exchange each).
      for (let i = 0; i < toEmail.length; i += EMAIL_CONCURRENCY) {
        await Promise.all(toEmail.slice(i, i + EMAIL_CONCURRENCY).map(async ({ line, user, token }) => {
          const error = await sendInvitation(user, token);
          if (error) report.not_emailed.push({ row: line, email: user.email, reason: error });
        }));
      }
      report.not_emailed.sort((a, b) => a.row - b.row);
      logger.info({ rows: report.rows, invited: report.invited, refused: report.refused.length }, 'invitations imported');
      return report;
    },

    /** Invited people who have not signed in yet, newest first, with when their link expires. */
    pending: (limit = 1000): Promise<PendingInvitation[]> => invitationsRepository.pending(db, limit),

    /** A new link replaces the old ones (which stop working) and is emailed again. */
    async resend(actor: Actor, userId: string): Promise<ResendResult> {
      const token = randomBytes(32).toString('base64url');
      const { user, expiresAt } = await db.transaction().execute(async (trx) => {
        const row = await invitationsRepository.lockPending(trx, userId);
        if (!row) throw new AppError(404, 'not_found', NOT_PENDING);
        await invitationsRepository.expireLinks(trx, userId, clock.now());
        const link = await insertLink(trx, actor, userId, token);
        await audit(trx, actor, { action: 'user.invitation_resent', entityType: 'user', entityId: userId, details: {} });
        return { user: publicUser(row), expiresAt: link.expires_at };
      });
      const error = await sendInvitation(user, token);
      logger.info({ userId, emailed: error === null }, 'invitation resent');
      return { email_sent: error === null, email_error: error, link_expires_at: expiresAt };
    },

    /** Withdraws an invitation nobody used: the account goes (so the address can be invited again later). */
    async revoke(actor: Actor, userId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await invitationsRepository.lockPending(trx, userId);
        if (!row) throw new AppError(404, 'not_found', NOT_PENDING);
        await invitationsRepository.deleteUser(trx, userId);
        await audit(trx, actor, { action: 'user.invitation_revoked', entityType: 'user', entityId: userId, details: { email: row.email } });
      });
      logger.info({ userId }, 'invitation revoked');
    },

    /** Uses a sign-in link: single use, not expired, active user. Returns a new session. */
    async consume(token: string): Promise<{ token: string; user: PublicUser; expiresAt: Date }> {
      const now = clock.now();
      const result = await db.transaction().execute(async (trx) => {
        const link = await trx.selectFrom('sign_in_links').selectAll().where('token_hash', '=', linkHash(token)).forUpdate().executeTakeFirst();
        if (!link || link.used_at || link.expires_at.getTime() <= now.getTime()) return null;
        const user = await trx.selectFrom('users').selectAll().where('id', '=', link.user_id).executeTakeFirst();
        if (!user || user.disabled_at) return null;
        await trx.updateTable('sign_in_links').set({ used_at: now }).where('id', '=', link.id).execute();
        const session = generateToken('pf_ses');
        const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3600_000);
        await tokensRepository.insert(trx, { user_id: user.id, kind: 'session', token_hash: hashToken(session), label: `link:${link.purpose}`, expires_at: expiresAt });
        return { token: session, user: publicUser(user), expiresAt, linkId: link.id };
      });
      if (!result) {
        logger.info({ reason: 'bad_link' }, 'sign-in link refused');
        throw new AppError(401, 'invalid_link', LINK_ERROR);
      }
      logger.info({ userId: result.user.id, linkId: result.linkId }, 'signed in with a one-time link');
      return { token: result.token, user: result.user, expiresAt: result.expiresAt };
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;
