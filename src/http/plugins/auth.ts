// Authentication and the role guard. Every route must declare `config.access`; a route without an explicit
// rule makes the app refuse to start, so nothing is reachable by accident.
// Credentials: `Authorization: Bearer <token>` (API tokens, login tokens, push ingest tokens), the HttpOnly
// session cookie set by login (browser), or `?token=` on the websocket stream only.
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuthenticatedUser, AuthService } from '../../auth/service.js';
import type { Role } from '../../db/tables/users.js';
import { forbidden, unauthorized } from '../../shared/errors.js';
import type { Actor } from '../../shared/actor.js';

export const SESSION_COOKIE = 'pf_session';

export type Access =
  | 'public'
  | 'authenticated'
  | { roles: readonly Role[]; ingestToken?: boolean };

export interface IngestPrincipal { sourceId: string; sourceName: string }

declare module 'fastify' {
  interface FastifyContextConfig { access?: Access }
  interface FastifyRequest {
    user: AuthenticatedUser | null;
    ingest: IngestPrincipal | null;
    authVia: 'bearer' | 'cookie' | 'query' | null;
  }
}

export interface AuthPluginOptions {
  auth: AuthService;
  resolveIngestToken?: (token: string) => Promise<IngestPrincipal | null>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1]! : null;
}

/**
 * Cookie-authenticated writes and websocket upgrades must come from our own origin, scheme included
 * (SameSite=Strict is the first line): http://host is not the same origin as https://host. The request's
 * scheme is the socket's, or X-Forwarded-Proto when http.trust_proxy is on (behind a TLS reverse proxy).
 */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin ?? request.headers.referer;
  if (!origin) return false;
  try {
    const source = new URL(origin);
    const ours = new URL(`${request.protocol}://${request.headers.host ?? ''}`);
    return source.protocol === ours.protocol && source.host === ours.host;
  } catch {
    return false;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (request.user) return { id: request.user.id, label: request.user.email, role: request.user.role };
  if (request.ingest) return { id: null, label: `source:${request.ingest.sourceName}`, role: 'system' };
  return { id: null, label: 'anonymous', role: 'system' };
}

export function requireUser(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw unauthorized();
  return request.user;
}

export const authPlugin = fp<AuthPluginOptions>(async (app: FastifyInstance, options) => {
  app.decorateRequest('user', null);
  app.decorateRequest('ingest', null);
  app.decorateRequest('authVia', null);

  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    const url = route.url ?? route.path;
    // Static files, docs and HEAD twins are registered by plugins with their own explicit rules.
    if (!access && !isPluginRoute(url)) {
      throw new Error(`route ${String(route.method)} ${url} has no access rule (config.access)`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;
    await authenticate(request, options);
    if (access === 'authenticated') {
      if (!request.user) throw unauthorized();
    } else if (request.ingest && access.ingestToken) {
      // A push source token may only reach routes that accept one.
    } else if (!request.user) {
      throw unauthorized();
    } else if (!access.roles.includes(request.user.role)) {
      throw forbidden(`role ${request.user.role} may not ${request.method} ${request.routeOptions.url}`);
    }
    const upgrade = request.headers.upgrade?.toLowerCase() === 'websocket';
    if (request.authVia === 'cookie' && (upgrade || !SAFE_METHODS.has(request.method)) && !sameOrigin(request)) {
      throw forbidden('cross-site request refused (missing or foreign Origin)');
    }
    void reply;
  });
});

async function authenticate(request: FastifyRequest, options: AuthPluginOptions): Promise<void> {
  const fromHeader = bearerToken(request);
  const fromCookie = request.cookies?.[SESSION_COOKIE];
  const fromQuery = request.routeOptions.config?.access !== 'public' && isStreamRoute(request)
    ? (request.query as { token?: string } | undefined)?.token : undefined;
  const token = fromHeader ?? fromQuery ?? fromCookie;
  if (!token) return;
  request.authVia = fromHeader ? 'bearer' : fromQuery ? 'query' : 'cookie';
  if (token.startsWith('pf_ing_') && options.resolveIngestToken) {
    request.ingest = await options.resolveIngestToken(token);
    return;
  }
  request.user = await options.auth.authenticate(token);
}

function isStreamRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url === '/api/v1/stream';
}

function isPluginRoute(url: string): boolean {
  return url.startsWith('/docs') || url === '/*' || url.startsWith('/assets');
}
