// Web Push for the app: devices subscribe (ambassadors for talking points, crisis members also for
// alerts when they opt in), and the outbox delivers the rows that enqueue.ts wrote.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AuthenticatedUser } from '../auth/service.js';
import type { AddressPolicy } from '../collectors/net/address-guard.js';
import { assertPublicUrl, UnsafeUrlError } from '../collectors/net/address-guard.js';
import type { DB } from '../db/schema.js';
import type { NotificationRow } from '../db/tables/notifications.js';
import { DeliveryError } from '../notify/errors.js';
import { badRequest } from '../shared/errors.js';
import type { Clock } from '../shared/clock.js';
import { sendPush } from './deliver.js';
import type { VapidKeys } from './keys.js';
import { pushRepository, type PushPayload } from './repository.js';

export interface SubscribeInput { endpoint: string; keys: { p256dh: string; auth: string }; alerts?: boolean }
export interface PushServiceDeps { db: Kysely<DB>; logger: Logger; clock: Clock; policy: AddressPolicy; keys: () => Promise<VapidKeys>; timeoutMs: number; ttlSeconds: number }

const BASE64URL = /^[A-Za-z0-9_-]+=*$/;
const ALERT_ROLES = new Set(['crisis', 'admin']);

export function createPushService(deps: PushServiceDeps) {
  const { db, logger } = deps;

  async function checkEndpoint(endpoint: string): Promise<void> {
    try {
      const url = new URL(endpoint);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badRequest('endpoint', 'must be an https URL of a push service');
      // A browser hands us this URL: the server will POST to it, so the SSRF policy applies now and at send.
      await assertPublicUrl(endpoint, deps.policy);
    } catch (err) {
      if (err instanceof UnsafeUrlError) throw badRequest('endpoint', err.message);
      if (err instanceof TypeError) throw badRequest('endpoint', 'must be a URL');
      throw err;
    }
  }

  return {
    publicKey: async () => (await deps.keys()).publicKey,

    async subscribe(user: AuthenticatedUser, input: SubscribeInput, userAgent: string | null) {
      if (!BASE64URL.test(input.keys.p256dh)) throw badRequest('keys.p256dh', 'must be base64url');
      if (!BASE64URL.test(input.keys.auth)) throw badRequest('keys.auth', 'must be base64url');
      if (Buffer.from(input.keys.p256dh, 'base64url').length !== 65) throw badRequest('keys.p256dh', 'must be an uncompressed P-256 public key (65 bytes)');
      if (Buffer.from(input.keys.auth, 'base64url').length !== 16) throw badRequest('keys.auth', 'must be a 16-byte secret');
      if (input.alerts && !ALERT_ROLES.has(user.role)) throw badRequest('alerts', 'only the crisis team and administrators may receive alerts');
      await checkEndpoint(input.endpoint);
      const row = await pushRepository.upsert(db, {
        user_id: user.id, endpoint: input.endpoint, p256dh: input.keys.p256dh, auth: input.keys.auth, alerts: input.alerts ?? false, user_agent: userAgent?.slice(0, 300) ?? null,
      });
      logger.info({ userId: user.id, subscriptionId: row.id, alerts: row.alerts }, 'push subscription saved');
      return { id: row.id, alerts: row.alerts, created_at: row.created_at.toISOString() };
    },

    async unsubscribe(user: AuthenticatedUser, endpoint: string): Promise<boolean> {
      const res = await pushRepository.remove(db, user.id, endpoint);
      return Number(res.numDeletedRows) > 0;
    },

    async devices(user: AuthenticatedUser) {
      return (await pushRepository.forUser(db, user.id)).map((d) => ({
        id: d.id, alerts: d.alerts, user_agent: d.user_agent, created_at: d.created_at.toISOString(), last_sent_at: d.last_sent_at?.toISOString() ?? null,
      }));
    },

    /** The outbox's delivery of a `push` row. */
    async deliver(n: NotificationRow): Promise<void> {
      const payload = n.payload as unknown as PushPayload;
      if (payload.kind !== 'push') throw new DeliveryError(`push notification with a ${payload.kind} payload`, { code: 'invalid_target', retryable: false });
      const subscription = await pushRepository.byId(db, n.recipient);
      if (!subscription) throw new DeliveryError('the device unsubscribed before delivery', { code: 'invalid_target', retryable: false });
      const outcome = await sendPush(subscription, payload.message, { vapid: await deps.keys(), policy: deps.policy, timeoutMs: deps.timeoutMs, ttlSeconds: deps.ttlSeconds });
      if (outcome === 'gone') {
        await pushRepository.removeById(db, subscription.id);
        logger.info({ subscriptionId: subscription.id, userId: subscription.user_id }, 'push subscription expired; removed');
        throw new DeliveryError('the push service says this device is no longer subscribed (404/410); subscription removed', { code: 'rejected_permanent', retryable: false });
      }
      await pushRepository.markSent(db, subscription.id, deps.clock.now());
    },
  };
}

export type PushService = ReturnType<typeof createPushService>;
