/**
 * Signed webhooks. The body is JSON (`format: 'json'`: the event itself; 'slack' / 'teams': a chat
 * message rendered from it). Headers:
 *
 *   Content-Type: application/json
 *   X-Pilotfish-Event: alert.raised                 the event type
 *   X-Pilotfish-Delivery: <deliveryId>              stable across retries: receivers dedupe on it
 *   X-Pilotfish-Timestamp: 1767225600               unix seconds, when this attempt was signed
 *   X-Pilotfish-Signature: sha256=<hex>             HMAC-SHA256(secret, "<timestamp>.<raw body>")
 *
 * Receivers check the signature with `verifySignature` (or the same HMAC in any language) over the raw
 * bytes, and refuse timestamps older than a few minutes. 2xx = delivered; 408, 429, 5xx and network
 * failures or timeouts are retryable (Retry-After is passed on); redirects and other 4xx are not.
 */
import type { LookupFunction } from 'node:net';
import { DeliveryError } from './errors.js';
import type { Lang, NotifyEvent } from './types.js';
import { renderWebhookBody, type WebhookFormat } from './webhook/body.js';
import { postOnce, type PostResult } from './webhook/http-post.js';
import { computeSignature } from './webhook/signature.js';

export { verifySignature, computeSignature, DEFAULT_TOLERANCE_SECONDS } from './webhook/signature.js';
export { renderWebhookBody, type WebhookFormat } from './webhook/body.js';

export const WEBHOOK_HEADERS = {
  event: 'x-pilotfish-event',
  delivery: 'x-pilotfish-delivery',
  timestamp: 'x-pilotfish-timestamp',
  signature: 'x-pilotfish-signature',
} as const;

/**
 * What an SSRF guard may return: the address it checked. The request then connects to exactly that
 * address, so DNS cannot answer differently between the check and the connection (DNS rebinding).
 */
export interface PinnedAddress { address: string; family: 4 | 6 }

export interface WebhookOptions {
  secret: string;
  format: WebhookFormat;
  timeoutMs: number;
  /** Idempotency key, the same for every attempt of one delivery. */
  deliveryId: string;
  /** Language of Slack / Teams messages; default English. */
  lang?: Lang;
  /** The caller's SSRF guard: throw to refuse the URL (a DeliveryError is passed on as is). */
  beforeConnect?: (url: string) => Promise<void | PinnedAddress>;
}

const MAX_RESPONSE_BYTES = 4 * 1024;
const MAX_RETRY_AFTER_SECONDS = 24 * 3600;
const USER_AGENT = 'Pilotfish-Webhook/1.0';

export async function sendWebhook(url: string, event: NotifyEvent, options: WebhookOptions): Promise<{ status: number }> {
  const target = parseTarget(url);
  const pinned = await runGuard(url, options.beforeConnect);
  const body = renderWebhookBody(event, options.format, options.lang ?? 'en');
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    [WEBHOOK_HEADERS.event]: headerSafe(event.type),
    [WEBHOOK_HEADERS.delivery]: headerSafe(options.deliveryId),
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: computeSignature(options.secret, timestamp, body),
  };
  let result: PostResult;
  try {
    result = await postOnce(target, {
      headers, body, timeoutMs: options.timeoutMs, maxResponseBytes: MAX_RESPONSE_BYTES,
      ...(pinned ? { lookup: pinnedLookup(pinned) } : {}),
    });
  } catch (err) {
    throw networkError(err, target, options.timeoutMs);
  }
  if (result.status >= 200 && result.status < 300) return { status: result.status };
  throw statusError(result, target);
}

function parseTarget(url: string): URL {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new DeliveryError('Webhook URL is not a valid URL', { retryable: false, code: 'invalid_target' });
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new DeliveryError(`Webhook URL must be http(s), got ${target.protocol}`, { retryable: false, code: 'invalid_target' });
  }
  return target;
}

async function runGuard(url: string, guard: WebhookOptions['beforeConnect']): Promise<PinnedAddress | null> {
  if (!guard) return null;
  try {
    return (await guard(url)) ?? null;
  } catch (err) {
    if (err instanceof DeliveryError) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new DeliveryError(`Webhook URL refused: ${reason}`, { retryable: false, code: 'blocked', cause: err });
  }
}

function pinnedLookup(pinned: PinnedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}

/** Header values cannot carry line breaks or non-Latin-1 text; keep ids and types printable ASCII. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '_').slice(0, 200);
}

/** Where we were talking to, without credentials, path or query (they may hold tokens). */
function origin(target: URL): string {
  return `${target.protocol}//${target.host}`;
}

function networkError(err: unknown, target: URL, timeoutMs: number): DeliveryError {
  const name = err instanceof Error ? err.name : '';
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR' || code === 'ETIMEDOUT') {
    return new DeliveryError(`Webhook ${origin(target)} did not answer within ${timeoutMs} ms`, { retryable: true, code: 'timeout', cause: err });
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new DeliveryError(`Webhook ${origin(target)} unreachable: ${reason}`, { retryable: true, code: 'connection', cause: err });
}

function statusError(result: PostResult, target: URL): DeliveryError {
  const { status } = result;
  const snippet = result.bodySnippet.replace(/\s+/g, ' ').trim().slice(0, 200);
  const detail = `Webhook ${origin(target)} answered ${status}${snippet ? `: ${snippet}` : ''}`;
  if (status >= 300 && status < 400) {
    const location = typeof result.headers.location === 'string' ? ` (to ${result.headers.location.slice(0, 200)})` : '';
    return new DeliveryError(`${detail}; redirects are not followed${location}: update the webhook URL`, { retryable: false, code: 'redirect', status });
  }
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterSeconds = parseRetryAfter(result.headers['retry-after']);
    return new DeliveryError(detail, {
      retryable: true, code: 'rejected_transient', status, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
  }
  return new DeliveryError(detail, { retryable: false, code: 'rejected_permanent', status });
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const trimmed = raw.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed);
  else {
    // Every HTTP-date spells out its month; without a letter this is not one (Date.parse is lenient).
    const at = /[A-Za-z]{3}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
    if (Number.isNaN(at)) return undefined;
    seconds = Math.ceil((at - nowMs) / 1000);
  }
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS);
}
