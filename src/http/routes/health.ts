import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import { sendError } from '../plugins/errors.js';

/** /metrics is open only when configured so; otherwise it takes the configured bearer token (compared in constant time). */
export function metricsAllowed(config: { token: string; public: boolean }, authorization: string | undefined): boolean {
  if (config.public) return true;
  if (!config.token) return false;
  const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(presented), digest(config.token));
}

const Health = Type.Object({ status: Type.String(), database: Type.Optional(Type.String()) });

export const healthRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: Health, 503: Health } },
  }, async (_request, reply) => {
    try {
      await deps.database.ping(2000);
      return { status: 'ok' };
    } catch (err) {
      reply.log.warn({ err: (err as Error).message }, 'health check: database unavailable');
      return reply.status(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });

  app.get('/metrics', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'Prometheus metrics', hide: true },
  }, async (request, reply) => {
    if (!metricsAllowed(deps.config.metrics, request.headers.authorization)) {
      return sendError(reply, 401, 'unauthorized', deps.config.metrics.token ? 'metrics: bearer token required' : 'metrics: set metrics.token (METRICS_TOKEN) to scrape, or metrics.public=true');
    }
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
};
