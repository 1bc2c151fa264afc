// Variance-stabilising transforms for counts. After the transform, noise has a roughly constant spread,
// so one robust z-score threshold means the same thing for 2 or 2,000 mentions per bucket.
import type { VolumeTransform } from './config.js';

export interface CountTransform {
  forward(count: number): number;
  inverse(value: number): number;
  /** Standard deviation of pure Poisson noise on the transformed scale around `expectedCount`. */
  poissonSd(expectedCount: number): number;
}

/** Anscombe: 2·√(x + 3/8) has variance ≈ 1 for Poisson counts of any mean. */
const anscombe: CountTransform = {
  forward: (count) => 2 * Math.sqrt(Math.max(0, count) + 0.375),
  inverse: (value) => Math.max(0, (value / 2) ** 2 - 0.375),
  poissonSd: () => 1,
};

/** log1p: multiplicative noise becomes additive; Poisson noise shrinks as 1/√(mean + 1). */
const log1p: CountTransform = {
  forward: (count) => Math.log1p(Math.max(0, count)),
  inverse: (value) => Math.max(0, Math.expm1(value)),
  poissonSd: (expectedCount) => 1 / Math.sqrt(Math.max(0, expectedCount) + 1),
};

export function countTransform(kind: VolumeTransform): CountTransform {
  return kind === 'log' ? log1p : anscombe;
}
