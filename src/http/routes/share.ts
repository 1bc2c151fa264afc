// Web Share Target (manifest `share_target`, GET): the phone's share sheet opens /share?title&text&url.
// The app uses hash routing, so this only hands the shared fields to the ambassador page's form
// (#/field/share?…), which checks them and says what is wrong; nothing is stored until the user sends.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

// Generous: the form, not this hop, tells the user what is too long. Beyond this the share is junk.
const MAX_FIELD = 20_000;

export const shareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/share', {
    config: { access: 'public' },
    schema: {
      tags: ['signals'], summary: 'Web Share Target: opens the signal form prefilled with what was shared',
      querystring: Type.Object({
        title: Type.Optional(Type.String({ maxLength: MAX_FIELD })),
        text: Type.Optional(Type.String({ maxLength: MAX_FIELD })),
        url: Type.Optional(Type.String({ maxLength: MAX_FIELD })),
      }),
      response: { 303: Type.Null() },
    },
  }, async (request, reply) => {
    const shared = new URLSearchParams();
    for (const key of ['title', 'text', 'url'] as const) {
      const value = request.query[key]?.trim();
      if (value) shared.set(key, value);
    }
    reply.header('Cache-Control', 'no-store');
    return reply.redirect(`/#/field/share?${shared.toString()}`, 303);
  });
};
