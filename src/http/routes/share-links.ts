// Tracked sharing of approved talking points: the share kit (short links and intent links) for the app,
// the public redirect that counts a click, and the reach comms reads next to the read receipts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../plugins/auth.js';
import { ErrorResponse, IdParams, responses } from '../schemas/common.js';
import { ReachSchema, ShareKitSchema } from '../schemas/charter.js';

export const shareLinkRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const shares = deps.services.shares;
  const tags = ['talking points'];

  app.post('/api/v1/talking-points/:id/share-links', {
    config: { access: 'authenticated' },
    schema: {
      tags, summary: 'Tracked short links and intent links to share a published, shareable point (ambassadors: after accepting the charter)',
      params: IdParams, response: responses({ 200: ShareKitSchema }, [400, 401, 403, 404, 409]),
    },
  }, async (request) => {
    const user = requireUser(request);
    await deps.services.charter.requireAccepted(user);
    return shares.kit(user, request.params.id);
  });

  app.get('/api/v1/talking-points/:id/reach', {
    config: { access: { roles: ['crisis', 'comms', 'admin'] } },
    schema: { tags, summary: 'Clicks on the point\'s tracked links, per network and group', params: IdParams, response: responses({ 200: ReachSchema }, [400, 401, 403, 404]) },
  }, async (request) => shares.reach(request.params.id));

  // Public: a reader on a social network follows it. Its request is not logged (the log would hold the
  // reader's address), and the answer is never cached, so every click reaches the counter.
  app.get('/r/:code', {
    config: { access: 'public' },
    logLevel: 'warn',
    schema: {
      tags, summary: 'Tracked short link: counts the click (no identity kept) and redirects to the point\'s link',
      params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 302: Type.Null(), 400: ErrorResponse, 404: ErrorResponse },
    },
  }, async (request, reply) => {
    const target = await shares.click(request.params.code);
    reply.header('Cache-Control', 'no-store');
    return reply.redirect(target, 302);
  });
};
