// Delivers one push: web-push encrypts the payload (RFC 8291, aes128gcm) and signs the VAPID JWT
// (RFC 8292); the request itself goes through our own POST with the collectors' address policy checked
// at connect time (a subscription endpoint is supplied by a browser, so it is untrusted input), a hard
// timeout, and no redirects. The push service's answer decides the outcome: 404/410 mean the device
// unsubscribed, and its subscription is removed; 429 and 5xx are retried by the outbox.
import webpush from 'web-push';
import { createGuardedLookup, parseGuardedUrl, UnsafeUrlError, type AddressPolicy } from '../collectors/net/address-guard.js';
import type { PushSubscriptionRow } from '../db/tables/ambassador.js';
import { DeliveryError } from '../notify/errors.js';
import { postOnce } from '../notify/webhook/http-post.js';
import type { VapidKeys } from './keys.js';
import type { PushMessage } from './texts.js';

export interface PushSendOptions { vapid: VapidKeys; policy: AddressPolicy; timeoutMs: number; ttlSeconds: number }
export type PushOutcome = 'sent' | 'gone';

export async function sendPush(subscription: Pick<PushSubscriptionRow, 'endpoint' | 'p256dh' | 'auth'>, message: PushMessage, options: PushSendOptions): Promise<PushOutcome> {
  let url: URL;
  try {
    url = parseGuardedUrl(subscription.endpoint, options.policy);
  } catch (err) {
    throw new DeliveryError(err instanceof Error ? err.message : String(err), { code: 'invalid_target', retryable: false });
  }
  const details = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    JSON.stringify(message),
    { vapidDetails: options.vapid, TTL: options.ttlSeconds, contentEncoding: 'aes128gcm', urgency: 'high', topic: topicOf(message.tag) },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(details.headers)) headers[name.toLowerCase()] = String(value);
  let answer;
  try {
    answer = await postOnce(url, { headers, body: details.body ?? Buffer.alloc(0), timeoutMs: options.timeoutMs, maxResponseBytes: 2048, lookup: createGuardedLookup(options.policy) });
  } catch (err) {
    if (err instanceof UnsafeUrlError) throw new DeliveryError(err.message, { code: 'invalid_target', retryable: false });
    const timedOut = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
    throw new DeliveryError(timedOut ? `push service ${url.host} did not answer within ${options.timeoutMs} ms` : `push service ${url.host}: ${(err as Error).message}`, { code: timedOut ? 'timeout' : 'connection', retryable: true });
  }
  if (answer.status >= 200 && answer.status < 300) return 'sent';
  if (answer.status === 404 || answer.status === 410) return 'gone';
  const snippet = answer.bodySnippet.replace(/\s+/g, ' ').slice(0, 200);
  const retryable = answer.status === 429 || answer.status >= 500;
  const retryAfter = Number(answer.headers['retry-after']);
  throw new DeliveryError(`push service ${url.host} answered ${answer.status}${snippet ? `: ${snippet}` : ''}`, {
    code: retryable ? 'rejected_transient' : 'rejected_permanent', retryable, status: answer.status, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: Math.min(retryAfter, 3600) } : {}),
  });
}

/** The Topic header (collapses pending pushes of the same point): at most 32 URL-safe base64 characters. */
function topicOf(tag: string): string {
  return tag.replace(/[^A-Za-z0-9_-]/g, '').slice(-32);
}
