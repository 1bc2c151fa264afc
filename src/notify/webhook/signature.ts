/**
 * Webhook signatures, Stripe-style. Every request carries
 *
 *   X-Pilotfish-Timestamp: <unix seconds when the request was signed>
 *   X-Pilotfish-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 *
 * A receiver recomputes the HMAC over the exact bytes it received (before any JSON parsing), compares
 * in constant time, and refuses timestamps too far from its clock so a captured request cannot be
 * replayed later. The header may list several signatures separated by commas (secret rotation).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_SCHEME = 'sha256';
/** Five minutes either way, the usual tolerance for clock skew and queueing. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function computeSignature(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(rawBody);
  return `${SIGNATURE_SCHEME}=${hmac.digest('hex')}`;
}

function sameHex(expectedHex: string, candidateHex: string): boolean {
  if (!/^[0-9a-f]+$/i.test(candidateHex) || candidateHex.length !== expectedHex.length) return false;
  return timingSafeEqual(Buffer.from(expectedHex, 'hex'), Buffer.from(candidateHex.toLowerCase(), 'hex'));
}

/**
 * True when `header` holds a valid signature of `rawBody` at `timestamp` and the timestamp is within
 * `toleranceSeconds` of now (pass Infinity to skip the freshness check, e.g. when replaying logs).
 */
export function verifySignature(
  secret: string,
  timestamp: string | number | null | undefined,
  rawBody: string | Buffer,
  header: string | null | undefined,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
  nowSeconds: number = Date.now() / 1000,
): boolean {
  if (!secret || header == null || timestamp == null) return false;
  const ts = String(timestamp).trim();
  if (!/^\d{1,12}$/.test(ts)) return false;
  if (Math.abs(nowSeconds - Number(ts)) > toleranceSeconds) return false;
  const expectedHex = computeSignature(secret, ts, rawBody).slice(SIGNATURE_SCHEME.length + 1);
  return header.split(',').some((entry) => {
    const [scheme, value] = entry.trim().split('=', 2);
    return scheme === SIGNATURE_SCHEME && value !== undefined && sameHex(expectedHex, value);
  });
}
