import { describe, expect, it } from 'vitest';
import { audienceOf, raiseSeverity, reachWeight, severitySteps } from './reach.js';

describe('reach weight', () => {
  it.each([
    [null, 1, 0],
    [{}, 1, 0],
    [{ followers: 0 }, 1, 0],
    [{ followers: -5, likes: Number.NaN }, 1, 0],
    [{ followers: 1000 }, 1 + Math.log10(2), 0],
    [{ followers: 9000 }, 2, 1],
    [{ followers: 200_000 }, 1 + Math.log10(201), 2],
    [{ followers: 1e9 }, 4, 2],
    [{ likes: 400, reposts: 50, replies: 50 }, 1 + Math.log10(1 + 11), 1],
  ])('%o weighs %d (severity +%d)', (reach, weight, steps) => {
    expect(reachWeight(reach)).toBeCloseTo(weight, 6);
    expect(severitySteps(reach)).toBe(steps);
  });

  it('counts a repost twice and every interaction as 20 viewers', () => {
    expect(audienceOf({ followers: 10, likes: 1, reposts: 1, replies: 1 })).toBe(10 + 20 * 4);
  });

  it.each([
    ['low', 0, 'low'], ['low', 2, 'high'], ['medium', 2, 'critical'], ['high', 1, 'critical'], ['critical', 2, 'critical'], ['medium', -1, 'medium'],
  ] as const)('%s raised by %d is %s', (from, steps, to) => {
    expect(raiseSeverity(from, steps)).toBe(to);
  });
});
