import { describe, expect, it } from 'vitest';
import { planAfterFailure, planAfterSuccess } from './backoff.js';

const now = new Date('2026-01-01T00:00:00Z');
const opts = { maxBackoffSeconds: 3600, maxFailures: 5 };
const wait = (p: { nextCheckAt: Date }) => (p.nextCheckAt.getTime() - now.getTime()) / 1000;

describe('source backoff', () => {
  it('checks again after the interval on success', () => {
    expect(wait(planAfterSuccess(now, 300))).toBe(300);
  });

  it.each([
    [1, 300], [2, 600], [3, 1200], [4, 2400], [5, 3600], [9, 3600],
  ])('after %i failures waits %i s (doubling, capped)', (failures, seconds) => {
    expect(wait(planAfterFailure(now, 300, failures, opts))).toBe(seconds);
  });

  it('honours a longer Retry-After but not a shorter one', () => {
    expect(wait(planAfterFailure(now, 300, 1, { ...opts, retryAfterSeconds: 1800 }))).toBe(1800);
    expect(wait(planAfterFailure(now, 300, 3, { ...opts, retryAfterSeconds: 10 }))).toBe(1200);
  });

  it('disables the source at the configured number of failures', () => {
    expect(planAfterFailure(now, 300, 4, opts).disable).toBe(false);
    expect(planAfterFailure(now, 300, 5, opts).disable).toBe(true);
  });
});
