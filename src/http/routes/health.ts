import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../../app.js';

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
  }, async (_request, reply) => {
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
};
