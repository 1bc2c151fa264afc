import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from './backoff.js';

describe('retryDelaySeconds', () => {
  it.each([[1, 5, 10], [2, 10, 20], [3, 20, 40], [10, 1800, 3600], [30, 1800, 3600]])('attempt %i waits between %i and %i s', (attempt, lo, hi) => {
    expect(retryDelaySeconds(attempt, 10, 3600, () => 0)).toBe(lo);
    expect(retryDelaySeconds(attempt, 10, 3600, () => 1)).toBe(hi);
  });
});
