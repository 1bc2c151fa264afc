// Web Push subscriptions of the signed-in user's devices, and the VAPID public key browsers need to
// subscribe. Ambassadors receive talking points; crisis members and admins may also opt in to alerts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { requireUser } from '../plugins/auth.js';
import { Nullable, responses, Timestamp, Uuid } from '../schemas/common.js';

const Device = Type.Object({ id: Uuid, alerts: Type.Boolean(), user_agent: Nullable(Type.String()), created_at: Timestamp, last_sent_at: Nullable(Timestamp) });
const SubscriptionBody = Type.Object({
  endpoint: Type.String({ minLength: 10, maxLength: 2000, description: 'PushSubscription.endpoint' }),
  keys: Type.Object({ p256dh: Type.String({ minLength: 40, maxLength: 200 }), auth: Type.String({ minLength: 10, maxLength: 100 }) }, { additionalProperties: true }),
  expirationTime: Type.Optional(Nullable(Type.Number())),
  alerts: Type.Optional(Type.Boolean({ description: 'Also receive new alerts (crisis team and admins)' })),
}, { additionalProperties: false });

export const pushRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const push = deps.services.push;

  app.get('/api/v1/push/key', {
    config: { access: 'authenticated' },
    schema: { tags: ['push'], summary: 'The VAPID public key (applicationServerKey) to subscribe with', response: responses({ 200: Type.Object({ public_key: Type.String() }) }, [401]) },
  }, async () => ({ public_key: await push.publicKey() }));

  app.get('/api/v1/push/subscriptions', {
    config: { access: 'authenticated' },
    schema: { tags: ['push'], summary: 'My subscribed devices', response: responses({ 200: Type.Object({ items: Type.Array(Device) }) }, [401]) },
  }, async (request) => ({ items: await push.devices(requireUser(request)) }));

  app.post('/api/v1/push/subscriptions', {
    config: { access: 'authenticated' },
    schema: { tags: ['push'], summary: 'Subscribe this device (the browser\'s PushSubscription as JSON)', body: SubscriptionBody, response: responses({ 201: Type.Object({ id: Uuid, alerts: Type.Boolean(), created_at: Timestamp }) }, [400, 401]) },
  }, async (request, reply) => {
    const body = request.body;
    const saved = await push.subscribe(requireUser(request), { endpoint: body.endpoint, keys: body.keys, ...(body.alerts !== undefined ? { alerts: body.alerts } : {}) }, request.headers['user-agent'] ?? null);
    return reply.status(201).send(saved);
  });

  app.post('/api/v1/push/subscriptions/remove', {
    config: { access: 'authenticated' },
    schema: { tags: ['push'], summary: 'Unsubscribe this device', body: Type.Object({ endpoint: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }), response: responses({ 200: Type.Object({ removed: Type.Boolean() }) }, [400, 401]) },
  }, async (request) => ({ removed: await push.unsubscribe(requireUser(request), request.body.endpoint) }));
};
