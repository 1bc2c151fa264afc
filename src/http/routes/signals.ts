import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../plugins/auth.js';
import { responses } from '../schemas/common.js';
import { SignalBody, SignalSchema } from '../schemas/mentions.js';

export const signalRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post('/api/v1/signals', {
    config: {
      access: 'authenticated',
      // Per user, not per address: many ambassadors may share one office NAT.
      rateLimit: { max: deps.config.signals.rate_limit_per_hour, timeWindow: 3_600_000, hook: 'preHandler', keyGenerator: (request) => request.user?.id ?? request.ip },
    },
    schema: { tags: ['signals'], summary: 'Report a weak signal (any signed-in user)', body: SignalBody, response: responses({ 201: SignalSchema, 200: SignalSchema }, [400, 401, 403, 429]) },
  }, async (request, reply) => {
    const user = requireUser(request);
    // Ambassadors accept the current charter first (403 charter_not_accepted); no charter, no gate.
    await deps.services.charter.requireAccepted(user);
    const { signal, created } = await deps.services.signals.report(user, request.body);
    return reply.status(created ? 201 : 200).send(signal);
  });

  app.get('/api/v1/signals', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['signals'], summary: 'Recent signals (ambassadors see their own)',
      querystring: Type.Object({ since: Type.Optional(Type.String({ format: 'date-time' })), limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) }),
      response: responses({ 200: Type.Object({ items: Type.Array(SignalSchema) }) }, [400, 401]),
    },
  }, async (request) => {
    const user = requireUser(request);
    const items = await deps.services.signals.list({
      limit: request.query.limit, ...(request.query.since ? { since: new Date(request.query.since) } : {}),
      ...(user.role === 'ambassador' ? { userId: user.id } : {}),
    });
    return { items };
  });
};
