import { describe, expect, it } from 'vitest';
import { ExceedanceTail } from './tail.js';
import { seededRandom } from './synthetic.js';

const PRIOR = { rate: 0.01, meanExcess: 1 };

/** Feeds n scores drawn by `draw` and returns the fitted tail. */
function fitted(draw: (random: () => number) => number, n = 50_000): ExceedanceTail {
  const random = seededRandom(3);
  const tail = ExceedanceTail.withHalfLife(2, 20_000, PRIOR);
  for (let i = 0; i < n; i++) tail.update(draw(random));
  return tail;
}

describe('ExceedanceTail', () => {
  it('recovers the quantile of an exponential tail', () => {
    // 10% of scores are 2 + Exp(mean 3): P(score > 2 + x) = 0.1·e^(−x/3), so the 1e-4 quantile is 2 + 3·ln(1000).
    const tail = fitted((r) => (r() < 0.1 ? 2 - 3 * Math.log(r() || 1e-12) : r() * 2));
    expect(tail.threshold(1e-4)).toBeGreaterThan(2 + 3 * Math.log(1000) * 0.85);
    expect(tail.threshold(1e-4)).toBeLessThan(2 + 3 * Math.log(1000) * 1.15);
  });

  it('sets a higher bar for a series with heavier tails (newsy brand vs calm brand)', () => {
    const calm = fitted((r) => (r() < 0.02 ? 2 - 0.5 * Math.log(r() || 1e-12) : r() * 2));
    const newsy = fitted((r) => (r() < 0.05 ? 2 + 2 * (Math.pow(r() || 1e-12, -0.4) - 1) : r() * 2));
    expect(newsy.fit().shape).toBeGreaterThan(0.2);
    expect(newsy.threshold(1e-4)).toBeGreaterThan(2 * calm.threshold(1e-4));
  });

  it('asks for a higher score when the alarm must be rarer', () => {
    const tail = fitted((r) => (r() < 0.1 ? 2 - Math.log(r() || 1e-12) : 0));
    const thresholds = [1e-2, 1e-3, 1e-4, 1e-5].map((q) => tail.threshold(q));
    expect([...thresholds].sort((a, b) => a - b)).toEqual(thresholds);
    expect(new Set(thresholds).size).toBe(thresholds.length);
  });

  it('stays at the base level when exceedances are rarer than the target', () => {
    // The prior rate (1%) has decayed below the 0.5% target after 2.5 half-lives of calm.
    const tail = fitted(() => 0);
    expect(tail.threshold(5e-3)).toBe(2);
  });
});
