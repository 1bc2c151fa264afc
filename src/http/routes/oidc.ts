// Single sign-on routes. The browser goes to /start, is sent to the identity provider, and comes back to
// /callback, which opens a session and sends it home. The state travels in the URL and in a cookie set at
// /start (SameSite=Lax, so it comes back on the provider's top-level redirect): a callback that does not
// carry the cookie of the browser that started it is refused (login CSRF). A refused callback answers 4xx:
// the JSON error for API clients, a short page with the reason and a way back for a browser.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { publicUrl } from '../../config/index.js';
import { AppError } from '../../shared/errors.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { responses } from '../schemas/common.js';

export const OIDC_STATE_COOKIE = 'pf_oidc_state';
const COOKIE_PATH = '/api/v1/auth/oidc';

const CallbackQuery = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 4096 })),
  state: Type.Optional(Type.String({ maxLength: 512 })),
  iss: Type.Optional(Type.String({ maxLength: 2048 })),
  error: Type.Optional(Type.String({ maxLength: 512 })),
  error_description: Type.Optional(Type.String({ maxLength: 2048 })),
  session_state: Type.Optional(Type.String({ maxLength: 2048 })),
}, { additionalProperties: true });

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The refusal as a page for a person (no script, no inline style: the app's stylesheet only). */
function refusalPage(message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in refused · Pilotfish</title><link rel="stylesheet" href="/css/app.css"></head>
<body><main class="login-page" id="main"><div class="login-card">
<h1 class="login-title">Sign-in refused</h1>
<p class="form-error" role="alert">${escapeHtml(message)}</p>
<p lang="fr">La connexion par authentification unique (SSO) a été refusée.</p>
<p><a class="btn btn-primary btn-block" href="/">Back to sign in · Retour à la connexion</a></p>
</div></main></body></html>`;
}

const wantsHtml = (request: FastifyRequest) => /text\/html/.test(request.headers.accept ?? '');

export const oidcRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const { config } = deps;
  const oidc = deps.services.oidc;
  const secureCookie = config.auth.cookie_secure === 'auto' ? publicUrl(config).startsWith('https:') : config.auth.cookie_secure === 'true';
  // Generous: a whole office behind one NAT address signs in at nine o'clock; /start only writes a short-lived row.
  const rateLimit = { max: config.auth.login_rate_limit_per_minute * 10, timeWindow: 60_000 };

  app.get('/api/v1/auth/sso', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Whether single sign-on is offered (the login page shows its button)', response: { 200: Type.Object({ enabled: Type.Boolean() }) } },
  }, async () => ({ enabled: oidc.enabled }));

  app.get('/api/v1/auth/oidc/start', {
    config: { access: 'public', rateLimit },
    schema: { tags: ['auth'], summary: 'Start single sign-on: redirects to the identity provider', response: responses({ 302: Type.Null() }, [404, 429, 503]) },
  }, async (_request, reply) => {
    const { url, state, expiresAt } = await oidc.start();
    reply.setCookie(OIDC_STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: secureCookie, path: COOKIE_PATH, expires: expiresAt });
    reply.header('Cache-Control', 'no-store');
    return reply.redirect(url, 302);
  });

  app.get('/api/v1/auth/oidc/callback', {
    config: { access: 'public', rateLimit },
    schema: {
      tags: ['auth'], summary: 'Where the identity provider sends the browser back; opens a session and redirects home',
      querystring: CallbackQuery, response: responses({ 302: Type.Null() }, [400, 403, 404, 409, 429, 503]),
    },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    reply.clearCookie(OIDC_STATE_COOKIE, { path: COOKIE_PATH });
    try {
      const query = Object.fromEntries(Object.entries(request.query).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
      const { token, expiresAt } = await oidc.finish(query, request.cookies[OIDC_STATE_COOKIE]);
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secureCookie, path: '/', expires: expiresAt });
      return reply.redirect('/', 302);
    } catch (err) {
      if (!(err instanceof AppError) || !wantsHtml(request) || err.status >= 500) throw err;
      return reply.status(err.status).type('text/html; charset=utf-8').send(refusalPage(err.message));
    }
  });
};
