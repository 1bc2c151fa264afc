import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import type { PolicyInput } from '../../alerts/policies.js';
import { actorOf } from '../plugins/auth.js';
import { IdParams, responses } from '../schemas/common.js';
import { PolicyBody, PolicyPatch, PolicySchema, SeriesSchema } from '../schemas/alerts.js';

const editors = { roles: ['admin', 'crisis'] } as const;

export const policyRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const policies = deps.services.policies;

  app.post('/api/v1/escalation-policies', {
    config: { access: editors },
    schema: { tags: ['escalation'], summary: 'Create an escalation policy', body: PolicyBody, response: responses({ 201: PolicySchema }) },
  }, async (request, reply) => reply.status(201).send(await policies.create(actorOf(request), request.body as PolicyInput)));

  app.get('/api/v1/escalation-policies', {
    config: { access: editors },
    schema: { tags: ['escalation'], summary: 'Escalation policies', response: responses({ 200: Type.Object({ items: Type.Array(PolicySchema) }) }, [401, 403]) },
  }, async () => ({ items: await policies.list() }));

  app.get('/api/v1/escalation-policies/:id', {
    config: { access: editors },
    schema: { tags: ['escalation'], summary: 'One escalation policy', params: IdParams, response: responses({ 200: PolicySchema }) },
  }, async (request) => policies.get(request.params.id));

  app.patch('/api/v1/escalation-policies/:id', {
    config: { access: editors },
    schema: { tags: ['escalation'], summary: 'Change a policy (open alerts keep their snapshot)', params: IdParams, body: PolicyPatch, response: responses({ 200: PolicySchema }) },
  }, async (request) => policies.update(actorOf(request), request.params.id, request.body as Partial<PolicyInput>));

  app.delete('/api/v1/escalation-policies/:id', {
    config: { access: editors },
    schema: { tags: ['escalation'], summary: 'Delete a policy', params: IdParams, response: responses({ 204: Type.Null() }) },
  }, async (request, reply) => {
    await policies.remove(actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/v1/watchlists/:id/series', {
    config: { access: { roles: ['crisis', 'comms', 'admin'] } },
    schema: {
      tags: ['watchlists'], summary: 'Bucketed volume, negativity and risk with the alerts raised, for charts', params: IdParams,
      querystring: Type.Object({ since: Type.Optional(Type.String({ format: 'date-time' })), until: Type.Optional(Type.String({ format: 'date-time' })) }),
      response: responses({ 200: SeriesSchema }),
    },
  }, async (request) => {
    const until = request.query.until ? new Date(request.query.until) : new Date();
    const since = request.query.since ? new Date(request.query.since) : new Date(until.getTime() - 24 * 3600_000);
    return deps.services.series(request.params.id, since, until);
  });
};
