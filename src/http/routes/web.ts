// Serves the browser app (dist/web, built by scripts/build.mjs) at `/`. Registered last so every API route
// wins; a path under /api/ that no route claims falls through to the JSON 404 handler, never to a file.
// The app uses hash routing (#/dashboard), so there is no HTML fallback for unknown paths.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AuthService } from '../../auth/service.js';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { Nullable } from '../schemas/common.js';
import { MeSchema } from '../schemas/users.js';

/** `<repo>/dist/web`, whether this module runs from src/ (tsx, vitest) or from dist/. */
export function defaultWebRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', 'dist/web');
}

/**
 * Files are not content-hashed, so code and styles revalidate on every load (cheap 304s with ETag) and an
 * upgrade never mixes old and new modules. Vendored libraries and media change only with a release.
 */
export function cacheControlFor(relativePath: string): string {
  const p = relativePath.replace(/\\/g, '/');
  if (p.startsWith('vendor/') || p.startsWith('sounds/') || p.startsWith('icons/')) return 'public, max-age=86400';
  return 'no-cache';
}

export const webRoutes: FastifyPluginAsync<{ root?: string; auth: AuthService }> = async (app, options) => {
  // The app's boot probe: "who am I?" answered with 200 either way, so a visitor who is not signed in does
  // not start with a failed request (browsers log every 401 in the console).
  app.get('/api/v1/auth/session', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'], summary: 'The user of the session cookie, or null (never 401)',
      response: { 200: Type.Object({ user: Nullable(MeSchema) }) },
    },
  }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const token = request.cookies?.[SESSION_COOKIE];
    const user = token ? await options.auth.authenticate(token) : null;
    return { user: user ? { id: user.id, email: user.email, name: user.name, role: user.role, lang: user.lang, must_change_password: user.mustChangePassword ?? false } : null };
  });

  const root = options.root ?? defaultWebRoot();
  if (!existsSync(root)) {
    app.log.warn({ root }, 'web app not built (run npm run build); only the API is served');
    return;
  }
  // The wildcard route would otherwise try to serve /api/... paths from disk; refuse them outright.
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url === '/*' && (request.url === '/api' || request.url.startsWith('/api/'))) {
      return reply.callNotFound();
    }
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    decorateReply: false,
    cacheControl: false, // set per file below
    etag: true,
    lastModified: true,
    dotfiles: 'ignore',
    setHeaders: (reply: FastifyReply, filePath: string) => {
      reply.header('Cache-Control', cacheControlFor(path.relative(root, filePath)));
    },
  });
};
