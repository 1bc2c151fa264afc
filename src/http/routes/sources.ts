import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { actorOf } from '../plugins/auth.js';
import { IdParams, responses } from '../schemas/common.js';
import { CreateSourceBody, PollOutcomeSchema, PreviewBody, PreviewResponse, SourceSchema, UpdateSourceBody } from '../schemas/sources.js';

export const sourceRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const sources = deps.services.sources;

  app.post('/api/v1/sources', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['sources'], summary: 'Add a source: rss feed, social connector (reddit, hackernews, json, bluesky, mastodon), push connector or replay drill', body: CreateSourceBody, response: responses({ 201: SourceSchema }) },
  }, async (request, reply) => reply.status(201).send(await sources.create(actorOf(request), request.body)));

  app.get('/api/v1/sources', {
    config: { access: { roles: ['admin', 'crisis'] } },
    schema: { tags: ['sources'], summary: 'Sources with their health', response: responses({ 200: Type.Object({ items: Type.Array(SourceSchema) }) }, [401, 403]) },
  }, async () => ({ items: await sources.list() }));

  app.get('/api/v1/sources/:id', {
    config: { access: { roles: ['admin', 'crisis'] } },
    schema: { tags: ['sources'], summary: 'One source', params: IdParams, response: responses({ 200: SourceSchema }) },
  }, async (request) => sources.get(request.params.id));

  app.patch('/api/v1/sources/:id', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['sources'], summary: 'Change, disable or re-enable a source', params: IdParams, body: UpdateSourceBody, response: responses({ 200: SourceSchema }) },
  }, async (request) => sources.update(actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/sources/:id', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['sources'], summary: 'Delete a source (its mentions are kept until retention)', params: IdParams, response: responses({ 204: Type.Null() }) },
  }, async (request, reply) => {
    await sources.remove(actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/sources/:id/rotate-token', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['sources'], summary: 'Issue a new ingest token for a push source (the old one stops working)', params: IdParams, response: responses({ 200: SourceSchema }) },
  }, async (request) => sources.rotateToken(actorOf(request), request.params.id));

  app.post('/api/v1/sources/:id/poll', {
    config: { access: { roles: ['admin'] } },
    schema: { tags: ['sources'], summary: 'Poll a feed now and report the outcome', params: IdParams, response: responses({ 200: PollOutcomeSchema }) },
  }, async (request) => {
    const outcome = await deps.services.pollNow(request.params.id);
    return { ok: outcome.ok, accepted: outcome.accepted, not_modified: outcome.notModified, error: outcome.error, source: await sources.get(request.params.id) };
  });

  app.post('/api/v1/sources/preview', {
    config: { access: { roles: ['admin'] } },
    schema: {
      tags: ['sources'], summary: 'What would a source of this kind and config collect? The first items, fetched now, nothing saved (kind defaults to rss)',
      body: PreviewBody,
      response: responses({ 200: PreviewResponse }),
    },
  }, async (request) => sources.preview(request.body));
};
