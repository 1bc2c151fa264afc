// Calendar slots used by the seasonal baseline. All in UTC: the profiles are learnt, so the time zone of
// the audience only shifts which slot holds the peak, it does not matter for detection.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
export const HOURS_PER_DAY = 24;
export const HOURS_PER_WEEK = 168;

/** 1970-01-01 was a Thursday; shifting by 4 days makes slot 0 Monday 00:00 UTC. */
export const MONDAY_SHIFT_MS = 4 * DAY_MS;

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

export function hourOfWeek(epochMs: number): number {
  return Math.floor(mod(epochMs + MONDAY_SHIFT_MS, WEEK_MS) / HOUR_MS);
}

export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
