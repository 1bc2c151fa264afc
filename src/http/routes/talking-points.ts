import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import type { TalkingPointStatus } from '../../db/tables/talking-points.js';
import { actorOf, requireUser } from '../plugins/auth.js';
import { IdParams, responses } from '../schemas/common.js';
import {
  AckSchema, CheckBody, CheckResultSchema, CreateTalkingPointBody, FeedItemSchema, FeedQuery, LibraryQuery, ListQuery, ReceiptsSchema, RejectBody,
  TalkingPointDetailSchema, TalkingPointSchema, UpdateTalkingPointBody,
} from '../schemas/talking-points.js';

const drafters = { roles: ['crisis', 'comms'] } as const;
const readers = { roles: ['crisis', 'comms', 'admin'] } as const;
// The lifecycle routes let every editorial role in, so the service can say exactly why it refuses
// ("only a comms user other than the author may approve"); ambassadors are refused at the door.
const editorial = { roles: ['crisis', 'comms', 'admin'] } as const;

const Items = Type.Object({ items: Type.Array(TalkingPointSchema) });

export const talkingPointRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const points = deps.services.talkingPoints;
  const tags = ['talking points'];

  app.post('/api/v1/talking-points', {
    config: { access: drafters },
    schema: { tags, summary: 'Draft a talking point (crisis, comms)', body: CreateTalkingPointBody, response: responses({ 201: TalkingPointSchema }, [400, 401, 403]) },
  }, async (request, reply) => reply.status(201).send(await points.create(actorOf(request), request.body)));

  app.post('/api/v1/talking-points/check', {
    config: { access: drafters },
    schema: { tags, summary: 'Check text while it is typed: do-not-say phrases and the detected language (advisory; approval checks again)', body: CheckBody, response: responses({ 200: CheckResultSchema }, [400, 401, 403]) },
  }, async (request) => points.check(request.body));

  app.get('/api/v1/talking-points', {
    config: { access: readers },
    schema: { tags, summary: 'Talking points, newest change first', querystring: ListQuery, response: responses({ 200: Items }, [400, 401, 403]) },
  }, async (request) => {
    const { status, incident_id: incidentId, q, tag, limit } = request.query;
    return { items: await points.list({ limit, ...(status ? { statuses: status.split(',') as TalkingPointStatus[] } : {}), ...(incidentId ? { incidentId } : {}), ...(q ? { q } : {}), ...(tag ? { tag } : {}) }) };
  });

  app.get('/api/v1/talking-points/library', {
    config: { access: readers },
    schema: { tags, summary: 'Approved responses: published and superseded points, searchable by text, tag and incident', querystring: LibraryQuery, response: responses({ 200: Items }, [400, 401, 403]) },
  }, async (request) => {
    const { incident_id: incidentId, q, tag, limit } = request.query;
    return { items: await points.library({ limit, ...(incidentId ? { incidentId } : {}), ...(q ? { q } : {}), ...(tag ? { tag } : {}) }) };
  });

  app.get('/api/v1/talking-points/feed', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Published points sent to the caller, unread first', querystring: FeedQuery, response: responses({ 200: Type.Object({ items: Type.Array(FeedItemSchema) }) }, [400, 401]) },
  }, async (request) => ({ items: await points.feed(requireUser(request).id, request.query.limit) }));

  app.get('/api/v1/talking-points/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One point with the history and versions of its lineage (ambassadors: points sent to them)', params: IdParams, response: responses({ 200: TalkingPointDetailSchema }, [400, 401, 404]) },
  }, async (request) => points.detail(requireUser(request), request.params.id));

  app.patch('/api/v1/talking-points/:id', {
    config: { access: drafters },
    schema: {
      tags, summary: 'Edit: in place for a draft (a point in review goes back to draft); 201 with a new draft version for an approved or published point',
      params: IdParams, body: UpdateTalkingPointBody, response: responses({ 200: TalkingPointSchema, 201: TalkingPointSchema }, [400, 401, 403, 404, 409]),
    },
  }, async (request, reply) => {
    const { point, newVersion } = await points.update(actorOf(request), request.params.id, request.body);
    return reply.status(newVersion ? 201 : 200).send(point);
  });

  const transitions = [
    ['submit', 'Submit for review (the author or a comms user)'],
    ['approve', 'Approve (a comms user other than the author; 422 do_not_say when shareable text contains refused wording)'],
    ['publish', 'Publish an approved point to its audience (comms): receipts, stream event, emails; supersedes the previous version'],
    ['retire', 'Retire (comms): out of the ambassadors\' feed; unsent emails are cancelled'],
  ] as const;
  for (const [action, summary] of transitions) {
    app.post(`/api/v1/talking-points/:id/${action}`, {
      config: { access: editorial },
      schema: { tags, summary, params: IdParams, response: responses({ 200: TalkingPointSchema }, [400, 401, 403, 404, 409, ...(action === 'approve' ? [422] : [])]) },
    }, async (request) => points[action](actorOf(request), request.params.id));
  }

  app.post('/api/v1/talking-points/:id/reject', {
    config: { access: editorial },
    schema: { tags, summary: 'Send back to draft with a reason (comms)', params: IdParams, body: RejectBody, response: responses({ 200: TalkingPointSchema }, [400, 401, 403, 404, 409]) },
  }, async (request) => points.reject(actorOf(request), request.params.id, request.body.reason));

  app.post('/api/v1/talking-points/:id/ack', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Confirm reading a published point sent to you (idempotent: the first time is kept)', params: IdParams, response: responses({ 200: AckSchema }, [400, 401, 403, 404, 409]) },
  }, async (request) => points.ack(requireUser(request), request.params.id));

  app.get('/api/v1/talking-points/:id/receipts', {
    config: { access: readers },
    schema: { tags, summary: 'Who received the point and who confirmed reading it (flagged recipients first)', params: IdParams, response: responses({ 200: ReceiptsSchema }, [400, 401, 403, 404]) },
  }, async (request) => points.receipts(request.params.id));
};
