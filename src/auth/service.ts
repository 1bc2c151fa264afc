// Users, login and tokens: the rules (roles, password policy, expiry, no user enumeration) live here.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { audit } from '../audit/audit.js';
import type { DB } from '../db/schema.js';
import { announceAccessChange } from '../events/repository.js';
import { ROLES, type Role, type UserRow } from '../db/tables/users.js';
import type { Actor } from '../shared/actor.js';
import { badRequest, conflict, notFound, unauthorized } from '../shared/errors.js';
import { dummyPasswordHash, generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { passwordWeakness } from './password-strength.js';
import { generateToken, hashToken } from './tokens.js';
import { tokensRepository, usersRepository } from './users-repository.js';

export interface PublicUser { id: string; email: string; name: string; role: Role; lang: 'fr' | 'en'; disabled: boolean; created_at: string; must_change_password: boolean }
export interface AuthenticatedUser { id: string; email: string; name: string; role: Role; lang: 'fr' | 'en'; tokenKind: 'api' | 'session'; mustChangePassword?: boolean }

export function publicUser(u: UserRow): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, lang: u.lang, disabled: u.disabled_at !== null, created_at: u.created_at.toISOString(), must_change_password: u.must_change_password };
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$|^[^\s@]+@localhost$/;

export function validateEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!EMAIL_RE.test(e) || e.length > 254) throw badRequest('email', 'must be a valid email address');
  return e;
}

function validatePassword(password: string, userInputs: string[] = []): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw badRequest('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > 1024) throw badRequest('password', 'must be at most 1024 characters');
  const weakness = passwordWeakness(password, userInputs);
  if (weakness) throw badRequest('password', weakness, 'weak_password');
}

/**
 * Nobody could manage users any more if the last active administrator were disabled or demoted: refuse it.
 * The admins' rows are locked so that two admins demoting each other at once cannot both succeed.
 */
async function keepOneAdmin(trx: Kysely<DB>, targetId: string): Promise<void> {
  const admins = await usersRepository.lockActiveAdminIds(trx);
  if (admins.length === 1 && admins[0] === targetId) {
    throw conflict('the last active administrator cannot be disabled or lose the admin role; make another user an administrator first', 'last_admin');
  }
}

export interface AuthServiceOptions { sessionTtlHours: number; tokenTtlDays: number }

export function createAuthService(db: Kysely<DB>, options: AuthServiceOptions, logger?: Logger) {
  return {
    async createUser(actor: Actor, input: { email: string; name: string; role: Role; password?: string | null; lang?: 'fr' | 'en' }) {
      const email = validateEmail(input.email);
      if (!ROLES.includes(input.role)) throw badRequest('role', `must be one of ${ROLES.join(', ')}`);
      const name = input.name.trim();
      if (!name) throw badRequest('name', 'must not be empty');
      const generated = input.password ? null : generatePassword();
      const password = input.password ?? generated!;
      validatePassword(password, [input.email, input.name]);
      const password_hash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        if (await usersRepository.findByEmail(trx, email)) throw conflict(`a user with email ${email} already exists`, 'email_taken');
        // A generated password was shown to someone else (the admin, a terminal): its owner must replace it.
        const user = await usersRepository.insert(trx, { email, name, role: input.role, password_hash, lang: input.lang ?? 'fr', must_change_password: generated !== null });
        await audit(trx, actor, { action: 'user.created', entityType: 'user', entityId: user.id, details: { email, role: input.role } });
        logger?.info({ userId: user.id, role: user.role }, 'user created');
        return { user: publicUser(user), generatedPassword: generated };
      });
    },

    async updateUser(actor: Actor, id: string, patch: { name?: string; role?: Role; lang?: 'fr' | 'en'; disabled?: boolean; password?: string }) {
      if (patch.password !== undefined) validatePassword(patch.password);
      return db.transaction().execute(async (trx) => {
        if (patch.disabled === true || (patch.role !== undefined && patch.role !== 'admin')) await keepOneAdmin(trx, id);
        const user = await usersRepository.update(trx, id, {
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.lang !== undefined ? { lang: patch.lang } : {}),
          ...(patch.disabled !== undefined ? { disabled_at: patch.disabled ? new Date() : null } : {}),
          // An admin who sets someone's password tells it to them: they must replace it too.
          ...(patch.password !== undefined ? { password_hash: await hashPassword(patch.password), must_change_password: actor.id !== id } : {}),
        });
        if (!user) throw notFound('user');
        if (patch.disabled || patch.password !== undefined) await tokensRepository.revokeAllForUser(trx, id);
        if (patch.disabled || patch.role !== undefined || patch.password !== undefined) await announceAccessChange(trx, id);
        const { password: _omit, ...logged } = patch;
        await audit(trx, actor, { action: 'user.updated', entityType: 'user', entityId: id, details: { ...logged, password_changed: patch.password !== undefined } });
        return publicUser(user);
      });
    },

    /** Same error, same work, whether the email is unknown or the password wrong. */
    async login(emailInput: string, password: string): Promise<{ token: string; user: PublicUser; expiresAt: Date }> {
      const user = await usersRepository.findByEmail(db, emailInput);
      const ok = user?.password_hash
        ? await verifyPassword(password, user.password_hash)
        : (await verifyPassword(password, await dummyPasswordHash()), false);
      if (!user || !ok || user.disabled_at) {
        logger?.info({ reason: 'bad_credentials' }, 'login refused');
        throw unauthorized('invalid email or password');
      }
      const token = generateToken('pf_ses');
      const expiresAt = new Date(Date.now() + options.sessionTtlHours * 3600_000);
      await tokensRepository.insert(db, { user_id: user.id, kind: 'session', token_hash: hashToken(token), label: 'login', expires_at: expiresAt });
      logger?.info({ userId: user.id }, 'login');
      return { token, user: publicUser(user), expiresAt };
    },

    /** Revokes login sessions only: an API token presented on logout stays valid (it is revoked by `pilotfish token`). */
    async logout(token: string): Promise<void> {
      await tokensRepository.revokeByHash(db, hashToken(token), 'session');
    },

    async createApiToken(actor: Actor, email: string, label = 'cli'): Promise<{ token: string; userId: string }> {
      const user = await usersRepository.findByEmail(db, email);
      if (!user) throw notFound(`user ${email}`);
      const token = generateToken('pf_api');
      const expires = options.tokenTtlDays > 0 ? new Date(Date.now() + options.tokenTtlDays * 86400_000) : null;
      await db.transaction().execute(async (trx) => {
        const row = await tokensRepository.insert(trx, { user_id: user.id, kind: 'api', token_hash: hashToken(token), label, expires_at: expires });
        await audit(trx, actor, { action: 'token.created', entityType: 'user', entityId: user.id, details: { token_id: row.id, label } });
      });
      return { token, userId: user.id };
    },

    async authenticate(token: string): Promise<AuthenticatedUser | null> {
      if (!token.startsWith('pf_')) return null;
      const now = new Date();
      const row = await tokensRepository.findUserByTokenHash(db, hashToken(token), now);
      if (!row) return null;
      // Record use at most once a minute per token: avoids a write on every request.
      if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) {
        tokensRepository.touch(db, row.token_id, now).catch((err) => logger?.warn({ err: (err as Error).message }, 'token touch failed'));
      }
      return { id: row.id, email: row.email, name: row.name, role: row.role, lang: row.lang, tokenKind: row.token_kind, mustChangePassword: row.must_change_password };
    },

    /** The signed-in user replaces their password: the current one proves it is them; other sessions end. */
    async changePassword(userId: string, currentToken: string | null, current: string, next: string): Promise<void> {
      validatePassword(next);
      const user = await usersRepository.findById(db, userId);
      if (!user?.password_hash || !(await verifyPassword(current, user.password_hash))) throw badRequest('current_password', 'is not your current password');
      if (current === next) throw badRequest('new_password', 'must differ from the current password');
      const password_hash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await usersRepository.update(trx, userId, { password_hash, must_change_password: false });
        await tokensRepository.revokeOthersForUser(trx, userId, currentToken ? hashToken(currentToken) : null);
        await audit(trx, { id: userId, label: user.email, role: user.role }, { action: 'user.password_changed', entityType: 'user', entityId: userId, details: {} });
      });
      logger?.info({ userId }, 'password changed');
    },

    listUsers: (filter: { role?: Role } = {}) => usersRepository.list(db, filter).then((rows) => rows.map(publicUser)),
    countUsers: () => usersRepository.count(db),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
