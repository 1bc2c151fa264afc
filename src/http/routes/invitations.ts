// Invitations (admins) and signing in with a one-time link (anyone holding one). The link itself lives
// in the URL's hash (#/link/<token>), which browsers never send and mail scanners cannot "click": only
// the app, posting it here, uses it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { publicUrl } from '../../config/index.js';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.js';
import { IdParams, Nullable, NullableTimestamp, responses, Timestamp } from '../schemas/common.js';
import { UserSchema } from '../schemas/users.js';

const InviteBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  language: Type.Optional(Type.Union([Type.Literal('fr'), Type.Literal('en')])),
  groups: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 50 })),
}, { additionalProperties: false });
const RowIssue = Type.Object({ row: Type.Integer(), email: Type.String(), reason: Type.String() });
const PendingSchema = Type.Object({
  id: Type.String(), email: Type.String(), name: Type.String(), lang: Type.Union([Type.Literal('fr'), Type.Literal('en')]),
  invited_at: Timestamp, link_expires_at: NullableTimestamp, expired: Type.Boolean(), groups: Type.Array(Type.String()),
});

export const invitationRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const service = deps.services.invitations;
  const config = deps.config;
  const secureCookie = config.auth.cookie_secure === 'auto' ? publicUrl(config).startsWith('https:') : config.auth.cookie_secure === 'true';

  app.post('/api/v1/invitations', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['users'], summary: 'Invite an ambassador by email (one-time sign-in link)', body: InviteBody,
      response: responses({ 201: Type.Object({ user: UserSchema, email_sent: Type.Boolean(), email_error: Nullable(Type.String()) }) }, [400, 401, 403, 409]),
    },
  }, async (request, reply) => reply.status(201).send(await service.invite(actorOf(request), request.body)));

  app.post('/api/v1/invitations/import', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['users'], summary: 'Invite ambassadors from a CSV (email, name, language, groups); a report per refused row',
      body: Type.Object({ csv: Type.String({ minLength: 1, maxLength: 5_000_000 }) }, { additionalProperties: false }),
      response: responses({ 200: Type.Object({ rows: Type.Integer(), invited: Type.Integer(), refused: Type.Array(RowIssue), not_emailed: Type.Array(RowIssue) }) }, [400, 401, 403]),
    },
  }, async (request) => service.importCsv(actorOf(request), request.body.csv));

  app.get('/api/v1/invitations', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['users'], summary: 'Pending invitations: invited people who have not signed in yet (newest first)',
      response: responses({ 200: Type.Object({ items: Type.Array(PendingSchema) }) }, [401, 403]),
    },
  }, async () => {
    const now = Date.now();
    const items = await service.pending();
    return {
      items: items.map((p) => ({
        ...p, invited_at: p.invited_at.toISOString(), link_expires_at: p.link_expires_at?.toISOString() ?? null,
        expired: !p.link_expires_at || p.link_expires_at.getTime() <= now,
      })),
    };
  });

  app.post('/api/v1/invitations/:id/resend', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['users'], summary: 'Send a pending invitation again with a new link (the old links stop working)', params: IdParams,
      response: responses({ 200: Type.Object({ email_sent: Type.Boolean(), email_error: Nullable(Type.String()), link_expires_at: Timestamp }) }, [400, 401, 403, 404]),
    },
  }, async (request) => {
    const result = await service.resend(actorOf(request), request.params.id);
    return { ...result, link_expires_at: result.link_expires_at.toISOString() };
  });

  app.delete('/api/v1/invitations/:id', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['users'], summary: 'Revoke a pending invitation (its links stop working and the unused account is removed)', params: IdParams,
      response: responses({ 204: Type.Null() }, [400, 401, 403, 404]),
    },
  }, async (request, reply) => {
    await service.revoke(actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/auth/link', {
    config: { access: 'public', rateLimit: { max: config.auth.login_rate_limit_per_minute, timeWindow: 60_000 } },
    schema: {
      tags: ['auth'], summary: 'Sign in with a one-time link (from an invitation); sets the session cookie',
      body: Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }) }, { additionalProperties: false }),
      response: responses({ 200: Type.Object({ token: Type.String(), expires_at: Timestamp, user: UserSchema }) }, [400, 401, 429]),
    },
  }, async (request, reply) => {
    const { token, user, expiresAt } = await service.consume(request.body.token);
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secureCookie, path: '/', expires: expiresAt });
    return { token, expires_at: expiresAt.toISOString(), user };
  });
};
