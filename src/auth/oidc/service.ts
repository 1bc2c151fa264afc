// Single sign-on with OpenID Connect (openid-client): the authorization code flow with PKCE, state and
// nonce. `start` remembers the request (state → PKCE verifier and nonce, short-lived, in the database so any
// instance can finish it) and sends the browser to the provider; `finish` takes that request out (single
// use), exchanges the code, checks the ID token, maps the claims to a role and groups (claims.ts), creates
// or updates the user and opens a session like a password login. The client secret stays in the client
// configuration: it is never logged, and provider errors are logged by message only.
import * as client from 'openid-client';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { audit } from '../../audit/audit.js';
import type { Config } from '../../config/index.js';
import type { DB } from '../../db/schema.js';
import type { UserRow } from '../../db/tables/users.js';
import { announceAccessChange } from '../../events/repository.js';
import type { Clock } from '../../shared/clock.js';
import { AppError, badRequest } from '../../shared/errors.js';
import { publicUser, type PublicUser } from '../service.js';
import { generateToken, hashToken } from '../tokens.js';
import { tokensRepository, usersRepository } from '../users-repository.js';
import { mapIdentity, type ClaimRules, type MappedIdentity } from './claims.js';
import { oidcRepository } from './repository.js';

export type OidcSettings = Config['auth']['oidc'];
export interface OidcDeps { db: Kysely<DB>; logger: Logger; clock: Clock; settings: OidcSettings; redirectUri: string; sessionTtlHours: number }
export interface OidcSession { token: string; user: PublicUser; expiresAt: Date }

const STATE_ERROR = 'this sign-in request is unknown, was already used or has expired: start again from the sign-in page';

/** Only the message: provider errors may carry request details, never worth a secret in the logs. */
const errorText = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300);

export function createOidcService(deps: OidcDeps) {
  const { db, logger, clock, settings } = deps;
  const enabled = settings.issuer !== '';
  const rules: ClaimRules = { roleClaim: settings.role_claim, roleMap: settings.role_map, defaultRole: settings.default_role, groupsClaim: settings.groups_claim };
  let discovered: Promise<client.Configuration> | null = null;

  /** Discovery once per process; a failure is forgotten so the next sign-in tries again. */
  function configuration(): Promise<client.Configuration> {
    discovered ??= client.discovery(new URL(settings.issuer), settings.client_id, settings.client_secret || undefined, undefined, {
      execute: settings.allow_http ? [client.allowInsecureRequests] : [], timeout: 10,
    }).catch((err: unknown) => {
      discovered = null;
      logger.warn({ issuer: settings.issuer, err: errorText(err) }, 'OIDC discovery failed');
      throw new AppError(503, 'sso_unavailable', 'the identity provider cannot be reached; try again later or sign in with your password', undefined, { retryAfterSeconds: 30 });
    });
    return discovered;
  }

  async function exchange(callback: URL, request: { code_verifier: string; nonce: string; state: string }): Promise<Record<string, unknown>> {
    const config = await configuration();
    try {
      const tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: request.code_verifier, expectedState: request.state, expectedNonce: request.nonce, idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      // Many providers keep email, roles and groups out of the ID token: the userinfo answer completes it.
      const info = config.serverMetadata().userinfo_endpoint ? await client.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
      return { ...info, ...idClaims };
    } catch (err) {
      logger.warn({ err: errorText(err) }, 'OIDC code exchange refused');
      throw new AppError(400, 'sso_failed', 'the identity provider\'s answer could not be verified: start again from the sign-in page');
    }
  }

  async function upsertUser(trx: Kysely<DB>, identity: MappedIdentity): Promise<{ user: UserRow; created: boolean; roleChanged: boolean }> {
    const now = clock.now();
    const existing = await oidcRepository.findUser(trx, identity.subject, identity.email);
    if (existing?.disabled_at) throw new AppError(403, 'account_disabled', 'your Pilotfish account is disabled: ask an administrator');
    // Another person already linked to this email under a different subject: do not take their account over.
    if (existing?.oidc_subject && existing.oidc_subject !== identity.subject) throw new AppError(409, 'sso_conflict', 'this email address belongs to another single sign-on account: ask an administrator');
    // The provider may not demote the last active administrator (nobody could manage users any more): the
    // person keeps the admin role until another administrator exists, as the user screens require.
    const demotion = existing?.role === 'admin' && identity.role !== 'admin';
    const otherAdmins = demotion ? (await usersRepository.lockActiveAdminIds(trx)).filter((id) => id !== existing.id) : [];
    const keepAdmin = demotion && otherAdmins.length === 0;
    if (keepAdmin) logger.warn({ userId: existing?.id }, 'SSO claims would demote the last active administrator; the admin role is kept');
    const role = keepAdmin ? 'admin' : identity.role;
    const user = existing
      ? await oidcRepository.updateUser(trx, existing.id, { email: identity.email, name: identity.name, role, oidc_subject: identity.subject }, now)
      : await oidcRepository.insertUser(trx, { email: identity.email, name: identity.name, role: identity.role, lang: identity.lang, oidc_subject: identity.subject });
    await oidcRepository.joinGroups(trx, user.id, identity.groups);
    return { user, created: !existing, roleChanged: existing !== undefined && existing.role !== role };
  }

  return {
    enabled,

    /** A new authorization request: where to send the browser, and the state to bind to it (a cookie). */
    async start(): Promise<{ url: string; state: string; expiresAt: Date }> {
      if (!enabled) throw new AppError(404, 'not_found', 'single sign-on is not configured');
      const config = await configuration();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      const expiresAt = new Date(clock.now().getTime() + settings.request_ttl_seconds * 1000);
      await oidcRepository.saveRequest(db, { state, nonce, code_verifier: codeVerifier, expires_at: expiresAt }, clock.now());
      const scope = [...new Set(['openid', ...settings.scopes])].join(' ');
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: deps.redirectUri, scope, state, nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
      });
      return { url: url.href, state, expiresAt };
    },

    /**
     * The provider sent the browser back. `query` is the callback's query string; `boundState` the state
     * remembered by this browser's cookie (a callback started elsewhere is refused: login CSRF).
     */
    async finish(query: Record<string, string | undefined>, boundState: string | undefined): Promise<OidcSession> {
      if (!enabled) throw new AppError(404, 'not_found', 'single sign-on is not configured');
      const state = query.state;
      if (!state) throw badRequest('state', 'is missing: start again from the sign-in page', 'invalid_state');
      const request = await oidcRepository.takeRequest(db, state);
      const now = clock.now();
      if (!request || request.expires_at.getTime() <= now.getTime()) {
        logger.info({ reason: request ? 'expired' : 'unknown_or_used' }, 'OIDC callback refused');
        throw new AppError(400, 'invalid_state', STATE_ERROR, 'state');
      }
      if (boundState !== state) {
        logger.info({ reason: 'other_browser' }, 'OIDC callback refused');
        throw new AppError(400, 'invalid_state', 'this sign-in was started in another browser (or its cookie was lost): start again from the sign-in page', 'state');
      }
      if (query.error) {
        logger.info({ providerError: query.error.slice(0, 100) }, 'OIDC sign-in refused by the provider');
        throw new AppError(403, 'sso_refused', `the identity provider refused the sign-in (${query.error.slice(0, 100)})`);
      }
      const callback = new URL(deps.redirectUri);
      for (const [key, value] of Object.entries(query)) if (value !== undefined) callback.searchParams.set(key, value);
      const claims = await exchange(callback, request);
      const mapped = mapIdentity(claims, rules);
      if (!mapped.ok) {
        logger.info({ reason: mapped.reason }, 'OIDC sign-in refused');
        throw new AppError(403, 'sso_refused', mapped.message);
      }
      const session = generateToken('pf_ses');
      const expiresAt = new Date(now.getTime() + deps.sessionTtlHours * 3600_000);
      const { user, created, roleChanged } = await db.transaction().execute(async (trx) => {
        const result = await upsertUser(trx, mapped.identity);
        await tokensRepository.insert(trx, { user_id: result.user.id, kind: 'session', token_hash: hashToken(session), label: 'sso', expires_at: expiresAt });
        const actor = { id: result.user.id, label: result.user.email, role: result.user.role };
        if (result.created) await audit(trx, actor, { action: 'user.created', entityType: 'user', entityId: result.user.id, details: { via: 'sso', role: result.user.role, groups: mapped.identity.groups } });
        else if (result.roleChanged) await audit(trx, actor, { action: 'user.updated', entityType: 'user', entityId: result.user.id, details: { via: 'sso', role: result.user.role } });
        if (result.roleChanged) await announceAccessChange(trx, result.user.id);
        return result;
      });
      logger.info({ userId: user.id, role: user.role, created, roleChanged }, 'signed in with SSO');
      return { token: session, user: publicUser(user), expiresAt };
    },
  };
}

export type OidcService = ReturnType<typeof createOidcService>;
