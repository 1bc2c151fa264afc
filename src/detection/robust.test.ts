import { describe, expect, it } from 'vitest';
import { binomialUpperTail, ewAlpha, EwRatio, logFactorial, poissonUpperTail, RobustScale, warmAlpha } from './robust.js';
import { seededRandom } from './synthetic.js';

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
}

describe('ewAlpha', () => {
  it.each([1, 12, 288, 4032])('halves an observation’s weight after %i steps', (halfLife) => {
    expect((1 - ewAlpha(halfLife)) ** halfLife).toBeCloseTo(0.5, 10);
  });

  it('is a running mean at first (warmAlpha)', () => {
    expect(warmAlpha(0.01, 0)).toBe(1);
    expect(warmAlpha(0.01, 3)).toBe(0.25);
    expect(warmAlpha(0.01, 1000)).toBe(0.01);
  });
});

describe('RobustScale', () => {
  it.each([
    { outlierRate: 0, size: 0 },
    { outlierRate: 0.02, size: 50 },
    { outlierRate: 0.05, size: 1000 },
  ])('estimates sd 1 despite $outlierRate outliers of size $size', ({ outlierRate, size }) => {
    const random = seededRandom(1);
    const scale = new RobustScale(ewAlpha(500), 3, 0);
    for (let i = 0; i < 5000; i++) scale.update(random() < outlierRate ? size : normal(random));
    expect(scale.sd()).toBeGreaterThan(0.8);
    expect(scale.sd()).toBeLessThan(1.35);
  });

  it('never reports less than its floor', () => {
    const scale = new RobustScale(0.1, 3, 0.5);
    for (let i = 0; i < 100; i++) scale.update(0);
    expect(scale.sd()).toBe(0.5);
  });
});

describe('EwRatio', () => {
  it('starts at the prior and moves to the observed ratio', () => {
    const ratio = new EwRatio(ewAlpha(100), 0.15, 50);
    expect(ratio.value()).toBeCloseTo(0.15);
    for (let i = 0; i < 2000; i++) ratio.update(4, 10);
    expect(ratio.value()).toBeCloseTo(0.4, 3);
  });
});

describe('exact tails', () => {
  it.each([
    { k: 1, mean: 1, p: 1 - Math.exp(-1) },
    { k: 3, mean: 2, p: 1 - 5 * Math.exp(-2) },
    { k: 0, mean: 4, p: 1 },
    { k: 1, mean: 0, p: 0 },
  ])('Poisson P(X ≥ $k | $mean)', ({ k, mean, p }) => {
    expect(poissonUpperTail(k, mean)).toBeCloseTo(p, 10);
  });

  it('Poisson tail is accurate far out (no 1 − CDF cancellation)', () => {
    // P(X ≥ 30 | 1) is dominated by its first term e^-1 / 30!.
    const first = Math.exp(-1 - logFactorial(30));
    expect(poissonUpperTail(30, 1) / first).toBeGreaterThan(1);
    expect(poissonUpperTail(30, 1) / first).toBeLessThan(1.04);
  });

  it.each([
    { k: 8, n: 8, p: 0.5, expected: 1 / 256 },
    { k: 1, n: 10, p: 0.1, expected: 1 - 0.9 ** 10 },
    { k: 11, n: 10, p: 0.5, expected: 0 },
    { k: 2, n: 3, p: 0.5, expected: 0.5 },
  ])('binomial P(X ≥ $k | $n, $p)', ({ k, n, p, expected }) => {
    expect(binomialUpperTail(k, n, p)).toBeCloseTo(expected, 10);
  });

  it.each([5, 19, 20, 25, 170])('logFactorial(%i) matches the product', (n) => {
    let exact = 0;
    for (let i = 2; i <= n; i++) exact += Math.log(i);
    expect(logFactorial(n)).toBeCloseTo(exact, 8);
  });
});
