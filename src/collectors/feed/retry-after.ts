// Retry-After is either a number of seconds or an HTTP date (RFC 9110 §10.2.3).

const MAX_RETRY_AFTER_SECONDS = 7 * 24 * 3600; // a week; anything longer is a misconfiguration

/** Seconds to wait from `now`, or undefined when the header is missing or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Math.min(Number(text), MAX_RETRY_AFTER_SECONDS);
  // Only accept something that looks like an HTTP date, not whatever V8's parser would guess.
  if (!/^[A-Za-z]{3},? \d{1,2}[ -][A-Za-z]{3}[ -]\d{2,4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, Math.ceil((at - now) / 1000)), MAX_RETRY_AFTER_SECONDS);
}
