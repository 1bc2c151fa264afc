// X-RateLimit-* headers (Reddit: x-ratelimit-remaining / -reset in seconds; GitHub-style APIs: the reset as
// epoch seconds). Node lowercases header names, so one spelling covers both `X-RateLimit-*` and `x-ratelimit-*`.
import type { IncomingHttpHeaders } from 'node:http';

export interface RateLimit {
  /** Requests left in the current window, when the network says. */
  remaining: number | null;
  /** Seconds until the window resets, when the network says. */
  resetSeconds: number | null;
}

const MAX_WAIT_SECONDS = 24 * 3600;

function number(headers: IncomingHttpHeaders, name: string): number | null {
  const raw = headers[name];
  const text = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!text) return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

export function readRateLimit(headers: IncomingHttpHeaders, nowMs: number): RateLimit {
  const remaining = number(headers, 'x-ratelimit-remaining');
  let reset = number(headers, 'x-ratelimit-reset');
  // Large values are absolute: epoch milliseconds or seconds; small ones are seconds from now.
  if (reset !== null && reset > 1e12) reset = (reset - nowMs) / 1000;
  else if (reset !== null && reset > 1e9) reset = reset - nowMs / 1000;
  return { remaining, resetSeconds: reset === null ? null : Math.min(MAX_WAIT_SECONDS, Math.max(0, Math.ceil(reset))) };
}

/** Seconds to wait before the next request, or null when the budget is not spent. */
export function exhaustedFor(limit: RateLimit | undefined): number | null {
  if (!limit || limit.remaining === null || limit.remaining >= 1) return null;
  return Math.max(1, limit.resetSeconds ?? 60);
}
