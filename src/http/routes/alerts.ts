import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import type { AlertStatus } from '../../db/tables/alerts.js';
import { listMentions } from '../../mentions/query.js';
import { actorOf } from '../plugins/auth.js';
import { IdParams, Nullable, responses, Timestamp } from '../schemas/common.js';
import { AlertDetailSchema, AlertQuery, AssignBody, AlertSchema, IncidentPhaseSchema, IncidentSchema, IncidentTimelineSchema, NotificationSchema } from '../schemas/alerts.js';

const viewers = { roles: ['crisis', 'comms', 'admin'] } as const;
const responders = { roles: ['crisis', 'admin'] } as const;

export const alertRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const alerts = deps.services.alerts;

  app.get('/api/v1/alerts', {
    config: { access: viewers },
    schema: { tags: ['alerts'], summary: 'Alerts by severity then newest first (or sort=recent), with filters and cursor paging', querystring: AlertQuery, response: responses({ 200: Type.Object({ items: Type.Array(AlertSchema), next_cursor: Type.Union([Type.String(), Type.Null()]) }) }, [400, 401, 403]) },
  }, async (request) => {
    const q = request.query;
    return alerts.list({
      limit: q.limit, ...(q.status ? { statuses: q.status.split(',') as AlertStatus[] } : {}), ...(q.watchlist_id ? { watchlistId: q.watchlist_id } : {}),
      ...(q.kind ? { kind: q.kind } : {}), ...(q.severity ? { severity: q.severity } : {}), ...(q.incident_id ? { incidentId: q.incident_id } : {}),
      ...(q.since ? { since: new Date(q.since) } : {}), ...(q.cursor ? { cursor: q.cursor } : {}),
      ...(q.assignee_id ? { assignee: q.assignee_id } : {}), ...(q.group_id ? { groupId: q.group_id } : {}), ...(q.sort ? { sort: q.sort } : {}),
    });
  });

  app.get('/api/v1/alerts/:id', {
    config: { access: viewers },
    schema: { tags: ['alerts'], summary: 'One alert with its timeline, deliveries and sample mentions', params: IdParams, response: responses({ 200: AlertDetailSchema }) },
  }, async (request) => {
    const { sample_ids, ...detail } = await alerts.detail(request.params.id);
    const samples = sample_ids.length ? (await listMentions(deps.database.db, { ids: sample_ids, limit: 20 })).items : [];
    return { ...detail, samples };
  });

  app.post('/api/v1/alerts/:id/ack', {
    config: { access: responders },
    schema: { tags: ['alerts'], summary: 'Acknowledge: I own this alert (cancels pending escalation)', params: IdParams, body: Type.Optional(Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false })), response: responses({ 200: AlertSchema }, [400, 401, 403, 404, 409]) },
  }, async (request) => alerts.acknowledge(actorOf(request), request.params.id, request.body?.note));

  app.post('/api/v1/alerts/:id/assign', {
    config: { access: responders },
    schema: { tags: ['alerts'], summary: 'Assign to a member of the crisis team (null unassigns); everyone sees it live (alert.updated)', params: IdParams, body: AssignBody, response: responses({ 200: AlertSchema }, [400, 401, 403, 404, 409]) },
  }, async (request) => alerts.assign(actorOf(request), request.params.id, request.body.assignee_id));

  app.post('/api/v1/alerts/:id/resolve', {
    config: { access: responders },
    schema: { tags: ['alerts'], summary: 'Resolve an alert', params: IdParams, body: Type.Optional(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false })), response: responses({ 200: AlertSchema }, [400, 401, 403, 404, 409]) },
  }, async (request) => alerts.resolve(actorOf(request), request.params.id, request.body?.reason));

  app.post('/api/v1/alerts/:id/snooze', {
    config: { access: responders },
    schema: { tags: ['alerts'], summary: 'Snooze until a time; it re-opens and pages again then', params: IdParams, body: Type.Object({ until: Timestamp }, { additionalProperties: false }), response: responses({ 200: AlertSchema }, [400, 401, 403, 404, 409]) },
  }, async (request) => alerts.snooze(actorOf(request), request.params.id, new Date(request.body.until)));

  app.get('/api/v1/notifications', {
    config: { access: responders },
    schema: {
      tags: ['alerts'], summary: 'Deliveries by status (dead letters: status=dead,failed)',
      querystring: Type.Object({ status: Type.String({ pattern: '^(pending|sent|failed|dead|cancelled|skipped)(,(pending|sent|failed|dead|cancelled|skipped))*$', default: 'dead,failed' }), limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) }),
      response: responses({ 200: Type.Object({ items: Type.Array(NotificationSchema) }) }, [400, 401, 403]),
    },
  }, async (request) => ({ items: await deps.services.notifications.list(request.query.status.split(','), request.query.limit) }));

  app.post('/api/v1/notifications/:id/retry', {
    config: { access: responders },
    schema: { tags: ['alerts'], summary: 'Retry a dead-lettered or failed delivery', params: IdParams, response: responses({ 200: NotificationSchema }, [400, 401, 403, 404, 409]) },
  }, async (request) => deps.services.notifications.retry(actorOf(request), request.params.id));

  app.post('/api/v1/incidents', {
    config: { access: responders },
    schema: { tags: ['incidents'], summary: 'Declare an incident grouping alerts', body: Type.Object({ title: Type.String({ minLength: 1, maxLength: 300 }), summary: Type.Optional(Type.String({ maxLength: 5000 })), alert_ids: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200 }), commander_id: Type.Optional(Nullable(Type.String({ format: 'uuid' }))), comms_lead_id: Type.Optional(Nullable(Type.String({ format: 'uuid' }))) }, { additionalProperties: false }), response: responses({ 201: IncidentSchema }) },
  }, async (request, reply) => reply.status(201).send(await deps.services.incidents.declare(actorOf(request), request.body)));

  app.get('/api/v1/incidents', {
    config: { access: viewers },
    schema: { tags: ['incidents'], summary: 'Incidents, newest first', querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])) }), response: responses({ 200: Type.Object({ items: Type.Array(IncidentSchema) }) }, [400, 401, 403]) },
  }, async (request) => ({ items: await deps.services.incidents.list(request.query.status) }));

  app.get('/api/v1/incidents/:id', {
    config: { access: viewers },
    schema: { tags: ['incidents'], summary: 'One incident', params: IdParams, response: responses({ 200: IncidentSchema }) },
  }, async (request) => deps.services.incidents.get(request.params.id));

  app.get('/api/v1/incidents/:id/timeline', {
    config: { access: viewers },
    schema: { tags: ['incidents'], summary: 'Everything that happened in an incident, oldest first', params: IdParams, response: responses({ 200: Type.Object({ items: IncidentTimelineSchema }) }) },
  }, async (request) => {
    await deps.services.incidents.get(request.params.id); // 404 for an unknown incident
    return { items: await deps.services.incidents.timeline(request.params.id) };
  });

  app.patch('/api/v1/incidents/:id', {
    config: { access: responders },
    schema: {
      tags: ['incidents'], summary: 'Rename, change phase (resolved closes it), assign commander and comms lead, add/remove alerts', params: IdParams,
      body: Type.Object({ title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })), summary: Type.Optional(Type.Union([Type.String({ maxLength: 5000 }), Type.Null()])), status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])), phase: Type.Optional(IncidentPhaseSchema), commander_id: Type.Optional(Nullable(Type.String({ format: 'uuid' }))), comms_lead_id: Type.Optional(Nullable(Type.String({ format: 'uuid' }))), add_alert_ids: Type.Optional(Type.Array(Type.String({ format: 'uuid' }))), remove_alert_ids: Type.Optional(Type.Array(Type.String({ format: 'uuid' }))) }, { additionalProperties: false, minProperties: 1 }),
      response: responses({ 200: IncidentSchema }),
    },
  }, async (request) => deps.services.incidents.update(actorOf(request), request.params.id, request.body));
};
