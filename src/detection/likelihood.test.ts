import { describe, expect, it } from 'vitest';
import { AnomalyLikelihood, gaussianTail } from './likelihood.js';
import { seededRandom } from './synthetic.js';

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe('gaussianTail', () => {
  it('matches the standard normal upper tail, tiny probabilities included', () => {
    expect(gaussianTail(0)).toBeCloseTo(0.5, 6);
    expect(gaussianTail(1.959964)).toBeCloseTo(0.025, 6);
    expect(gaussianTail(-1)).toBeCloseTo(0.841345, 5);
    expect(Math.log10(gaussianTail(4.264891))).toBeCloseTo(-5, 2);
    expect(Math.log10(gaussianTail(7.034484))).toBeCloseTo(-12, 1);
    expect(gaussianTail(5) / 2.866516e-7).toBeCloseTo(1, 5);
  });
});

describe('AnomalyLikelihood', () => {
  /** Feeds `n` z-scores; returns the largest statistic read before learning each one. */
  function feed(detector: AnomalyLikelihood, zs: readonly number[]): number[] {
    return zs.map((z, i) => {
      const value = detector.read(i, z, 1, 1).z;
      detector.learn(i, z, 1, 1, true);
      return value;
    });
  }

  it('stays calm on ordinary noise and flags a series that turns erratic although no single value is extreme', () => {
    const random = seededRandom(5);
    const detector = new AnomalyLikelihood(10, 2000, 4, false, 100);
    const calm = feed(detector, Array.from({ length: 6000 }, () => gaussian(random)));
    expect(Math.max(...calm)).toBeLessThan(5);
    // Values jumping ±3 both ways: never a spike of 4.5, and no lasting rise or fall either.
    const erratic = feed(detector, Array.from({ length: 10 }, (_, i) => (i % 2 ? 3 : -3)));
    expect(Math.max(...erratic)).toBeGreaterThan(5);
  });

  it('says which way the recent stretch departs and sums its observations', () => {
    const detector = new AnomalyLikelihood(3, 100, 4, false, 1);
    for (let i = 0; i < 5; i++) detector.learn(i * 10, -2, 4, 6, true);
    const reading = detector.read(50, -1, 5, 6);
    expect(reading.direction).toBeCloseTo(-5 / 3, 9);
    expect(reading).toMatchObject({ observed: 13, expected: 18, windowStart: 30 });
  });

  it('reads nothing before it has learnt enough windows', () => {
    const detector = new AnomalyLikelihood(10, 100, 4, false, 50);
    expect(feed(detector, Array.from({ length: 40 }, (_, i) => (i > 30 ? 4 : 0))).every((v) => v === 0)).toBe(true);
  });
});
