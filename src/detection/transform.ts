// Variance-stabilising transforms. After the transform, noise has a roughly constant spread, so one robust
// z-score threshold means the same thing for 2 or 2,000 mentions per bucket. Measurements (real values of
// any sign) are modelled as they are: their scale is learnt, there is no sampling-noise floor.
import type { SeriesKind } from './config.js';

export interface CountTransform {
  forward(count: number): number;
  inverse(value: number): number;
  /** Standard deviation of pure sampling noise on the transformed scale around `expected` (0 when unknown). */
  poissonSd(expected: number): number;
}

/** Anscombe: 2·√(x + 3/8) has variance ≈ 1 for Poisson counts of any mean. */
const anscombe: CountTransform = {
  forward: (count) => 2 * Math.sqrt(Math.max(0, count) + 0.375),
  inverse: (value) => Math.max(0, (value / 2) ** 2 - 0.375),
  poissonSd: () => 1,
};

const identity: CountTransform = {
  forward: (value) => value,
  inverse: (value) => value,
  poissonSd: () => 0,
};

export function countTransform(kind: SeriesKind): CountTransform {
  return kind === 'measurements' ? identity : anscombe;
}
