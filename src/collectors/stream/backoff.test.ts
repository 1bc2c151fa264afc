import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './backoff.js';

const options = { minMs: 1000, maxMs: 60_000 };

describe('reconnectDelayMs', () => {
  it.each([
    [0, 0, 1000], [0, 1, 1000], [1, 1, 2000], [3, 1, 8000], [10, 1, 60_000], [50, 1, 60_000], [3, 0.5, 4500],
  ])('attempt %i with random %f waits %i ms', (attempt, r, expected) => {
    expect(reconnectDelayMs(attempt, options, () => r)).toBe(expected);
  });

  it('never waits less than Retry-After, even with jitter', () => {
    expect(reconnectDelayMs(0, options, () => 0, 30)).toBe(30_000);
    expect(reconnectDelayMs(10, options, () => 1, 5)).toBe(60_000);
  });
});
