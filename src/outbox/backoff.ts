// Retry delays: exponential with full jitter ("decorrelated" enough for a handful of workers), capped.
export function retryDelaySeconds(attempt: number, base: number, max: number, random: () => number = Math.random): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half random: never retries immediately, never synchronises a herd of workers.
  return ceiling / 2 + random() * (ceiling / 2);
}
