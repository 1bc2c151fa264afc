import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { publicUrl } from '../../config/index.js';
import { bearerToken, SESSION_COOKIE, requireUser } from '../plugins/auth.js';
import { responses, Timestamp } from '../schemas/common.js';
import { MeSchema, UserSchema } from '../schemas/users.js';

const LoginBody = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
}, { additionalProperties: false });

export const authRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const { config } = deps;
  const secureCookie = config.auth.cookie_secure === 'auto' ? publicUrl(config).startsWith('https:') : config.auth.cookie_secure === 'true';

  app.post('/api/v1/auth/login', {
    config: {
      access: 'public',
      rateLimit: { max: config.auth.login_rate_limit_per_minute, timeWindow: 60_000 },
    },
    schema: {
      tags: ['auth'],
      summary: 'Sign in; returns a bearer token and sets the session cookie',
      body: LoginBody,
      response: responses({ 200: Type.Object({ token: Type.String(), expires_at: Timestamp, user: UserSchema }) }, [400, 401, 429]),
    },
  }, async (request, reply) => {
    const { token, user, expiresAt } = await deps.services.auth.login(request.body.email, request.body.password);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true, sameSite: 'strict', secure: secureCookie, path: '/', expires: expiresAt,
    });
    return { token, expires_at: expiresAt.toISOString(), user };
  });

  app.post('/api/v1/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Revoke the current session', response: responses({ 204: Type.Null() }, [401, 403]) },
  }, async (request, reply) => {
    // Every session this request carries ends: the bearer one and the cookie one (a cookie sent along with
    // another Authorization scheme used to survive logout).
    for (const token of new Set([bearerToken(request), request.cookies[SESSION_COOKIE]])) {
      if (token) await deps.services.auth.logout(token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'The signed-in user', response: responses({ 200: MeSchema }, [401]) },
  }, async (request) => {
    const u = requireUser(request);
    return { id: u.id, email: u.email, name: u.name, role: u.role, lang: u.lang, must_change_password: u.mustChangePassword ?? false };
  });

  app.post('/api/v1/auth/password', {
    config: { access: 'authenticated', rateLimit: { max: config.auth.login_rate_limit_per_minute, timeWindow: 60_000 } },
    schema: {
      tags: ['auth'], summary: 'Change my password (ends my other sessions and API tokens)',
      body: Type.Object({ current_password: Type.String({ minLength: 1, maxLength: 1024 }), new_password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false }),
      response: responses({ 204: Type.Null() }, [400, 401, 429]),
    },
  }, async (request, reply) => {
    const u = requireUser(request);
    const token = request.headers.authorization?.replace(/^Bearer\s+/i, '') ?? request.cookies[SESSION_COOKIE] ?? null;
    await deps.services.auth.changePassword(u.id, token, request.body.current_password, request.body.new_password);
    return reply.status(204).send(null);
  });
};
