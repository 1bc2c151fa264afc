// Reconnect delays: exponential from `minMs` to `maxMs` with full jitter (AWS architecture blog, "Exponential
// backoff and jitter"), so that many sources dropped by one outage do not reconnect in lock-step. A server's
// Retry-After is a floor, never shortened by the jitter.
export interface BackoffOptions { minMs: number; maxMs: number }

export function reconnectDelayMs(attempt: number, options: BackoffOptions, random: () => number = Math.random, retryAfterSeconds?: number): number {
  const ceiling = Math.min(options.maxMs, options.minMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const jittered = options.minMs + random() * Math.max(0, ceiling - options.minMs);
  const floor = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : 0;
  return Math.round(Math.max(jittered, floor));
}
