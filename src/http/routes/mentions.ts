import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { listMentions } from '../../mentions/query.js';
import { AppError, badRequest, forbidden, unavailable } from '../../shared/errors.js';
import { responses } from '../schemas/common.js';
import { MentionQuery, MentionSchema, PushBody, PushResult } from '../schemas/mentions.js';
import { parseNdjson } from '../ndjson.js';

/** A push token fixes the source; a user token must name one. */
function pushSourceId(tokenSourceId: string | undefined, declared: string | undefined): string {
  if (tokenSourceId) {
    if (declared && declared !== tokenSourceId) throw forbidden('this ingest token belongs to another source');
    return tokenSourceId;
  }
  if (!declared) throw badRequest('source_id', 'is required when pushing with a user token');
  return declared;
}

export const mentionRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const { config } = deps;
  let inFlight = 0;

  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: config.ingest.max_bytes }, (_req, body, done) => done(null, body));

  app.post('/api/v1/mentions', {
    bodyLimit: config.ingest.max_bytes,
    config: { access: { roles: ['admin'], ingestToken: true }, perItemInput: 'mentions' },
    schema: {
      tags: ['mentions'],
      summary: 'Push mentions (JSON or NDJSON); 202 means committed',
      description: `JSON {source_id, mentions:[...]} or application/x-ndjson (one mention per line; source from the push token or ?source_id=). At most ${config.ingest.max_items} mentions or ${config.ingest.max_bytes} bytes per request.`,
      querystring: Type.Object({ source_id: Type.Optional(Type.String({ format: 'uuid' })) }),
      body: Type.Union([PushBody, Type.String()]),
      response: responses({ 202: PushResult }, [400, 401, 403, 404, 413, 503]),
    },
    // Back-pressure before the body is read: beyond the configured concurrency the client is asked to come
    // back, so 16 concurrent 10 MiB pushes never sit parsed in memory at once. The slot is freed when the
    // response is sent or the client goes away.
    onRequest: async (_request, reply) => {
      if (inFlight >= config.ingest.max_concurrent_requests) throw unavailable('ingest is at capacity; retry shortly', config.ingest.retry_after_seconds);
      inFlight++;
      // 'close' on the response fires once: when it has been sent, or when the client went away.
      reply.raw.once('close', () => { inFlight--; });
    },
  }, async (request, reply) => {
    {
      const isNdjson = typeof request.body === 'string';
      const body = request.body as { source_id?: string; mentions: unknown[] } | string;
      const { items, invalid } = isNdjson ? parseNdjson(body as string) : { items: (body as { mentions: unknown[] }).mentions, invalid: undefined };
      const declared = (isNdjson ? undefined : (body as { source_id?: string }).source_id) ?? request.query.source_id;
      if (items.length > config.ingest.max_items) {
        throw new AppError(413, 'too_many_items', `mentions: at most ${config.ingest.max_items} per request (got ${items.length})`, 'mentions');
      }
      const sourceId = pushSourceId(request.ingest?.sourceId, declared);
      const source = await deps.services.sources.get(sourceId);
      if (source.kind !== 'push' || !source.enabled) throw badRequest('source_id', 'must be an enabled push source');
      const result = await deps.services.ingest.ingest({ id: source.id, kind: 'push' }, items, new Date(), invalid);
      return reply.status(202).send({ accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected });
    }
  });

  app.get('/api/v1/mentions', {
    config: { access: { roles: ['crisis', 'comms', 'admin'] } },
    schema: { tags: ['mentions'], summary: 'Scored mentions, newest first', querystring: MentionQuery, response: responses({ 200: Type.Object({ items: Type.Array(MentionSchema), next_cursor: Type.Union([Type.String(), Type.Null()]) }) }, [400, 401, 403]) },
  }, async (request) => {
    const q = request.query;
    return listMentions(deps.database.db, {
      limit: q.limit, ...(q.watchlist_id ? { watchlistId: q.watchlist_id } : {}), ...(q.source_id ? { sourceId: q.source_id } : {}),
      ...(q.since ? { since: new Date(q.since) } : {}), ...(q.until ? { until: new Date(q.until) } : {}),
      ...(q.label ? { label: q.label } : {}), ...(q.cursor ? { cursor: q.cursor } : {}),
    });
  });
};
