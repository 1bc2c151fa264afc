import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../plugins/auth.js';

export const streamRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get('/api/v1/stream', {
    websocket: true,
    config: {
      access: 'authenticated',
      // @fastify/websocket hides websocket routes from the OpenAPI document; this one is part of the API, so
      // show it (marked x-websocket: an HTTP client without an Upgrade gets 404).
      swaggerTransform: (({ schema }: { schema: object }) => ({ schema: { ...schema, hide: false, 'x-websocket': true } })) as never,
    },
    schema: {
      tags: ['stream'],
      summary: 'Websocket event stream: {"type","id","at","data"}; ?since=<event id> replays what was missed',
      description: 'Types: alert.raised, alert.escalated, alert.acknowledged, alert.resolved, alert.updated, signal.reported, talking_point.published. Authenticate with the session cookie, a Bearer header or ?token=.',
      response: { 101: Type.Null({ description: 'Switching Protocols: the websocket is open' }), 404: Type.Null({ description: 'Not a websocket upgrade request' }) },
      querystring: Type.Object({ since: Type.Optional(Type.String({ pattern: '^\\d{1,18}$' })), token: Type.Optional(Type.String({ maxLength: 200 })) }),
    },
  }, (socket, request) => {
    const user = requireUser(request);
    const since = request.query.since ? Number(request.query.since) : null;
    void deps.services.stream.attach(socket, { id: user.id, role: user.role }, since);
  });
};
