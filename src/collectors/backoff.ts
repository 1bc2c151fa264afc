// When to look at a source again. Success: its own interval. Failure: the interval doubled per
// consecutive failure (capped), or the server's Retry-After when it gave one, whichever is later.

export interface SourceOutcomePlan { nextCheckAt: Date; disable: boolean }

export function planAfterSuccess(now: Date, intervalSeconds: number): SourceOutcomePlan {
  return { nextCheckAt: new Date(now.getTime() + intervalSeconds * 1000), disable: false };
}

export function planAfterFailure(
  now: Date,
  intervalSeconds: number,
  failures: number,
  options: { maxBackoffSeconds: number; maxFailures: number; retryAfterSeconds?: number | undefined },
): SourceOutcomePlan {
  const exponent = Math.min(failures, 20);
  const backoff = Math.min(intervalSeconds * 2 ** (exponent - 1), options.maxBackoffSeconds);
  const wait = Math.max(backoff, options.retryAfterSeconds ?? 0);
  return { nextCheckAt: new Date(now.getTime() + wait * 1000), disable: failures >= options.maxFailures };
}
