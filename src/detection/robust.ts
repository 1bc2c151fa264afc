// Small numeric helpers for online, robust exponentially weighted statistics.

/** Weight of the newest observation in an exponentially weighted average with the given half-life (in steps). */
export function ewAlpha(halfLifeSteps: number): number {
  if (!(halfLifeSteps > 0)) return 1;
  return 1 - Math.pow(2, -1 / halfLifeSteps);
}

/**
 * Weight of the newest observation once `seen` observations were already absorbed: the plain running mean
 * while it is larger than the exponential weight, so the first observations count fully (fast, unbiased start)
 * and the estimate then forgets at the configured half-life.
 */
export function warmAlpha(alpha: number, seen: number): number {
  return Math.max(alpha, 1 / (seen + 1));
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Consistency factor: mean absolute deviation of a normal variable is sd·√(2/π). */
export const MEAN_ABS_TO_SD = Math.sqrt(Math.PI / 2);

const UNCLIPPED_START = 12;

/**
 * Robust online scale: an exponentially weighted mean absolute residual, where each residual is clipped at
 * `clipK` current standard deviations, so one outlier cannot inflate it (a Huber-type M-estimate of scale).
 */
export class RobustScale {
  private meanAbs = 0;
  private seen = 0;

  constructor(
    private readonly alpha: number,
    private readonly clipK: number,
    private readonly floorSd: number,
  ) {}

  get observations(): number {
    return this.seen;
  }

  /** Current standard deviation estimate, never below the floor. */
  sd(): number {
    return Math.max(this.meanAbs * MEAN_ABS_TO_SD, this.floorSd);
  }

  update(residual: number): void {
    // The first observations are taken as they are: clipping against a scale not yet estimated would
    // freeze it near zero.
    const limit = this.seen < UNCLIPPED_START ? Infinity : (this.clipK * this.sd()) / MEAN_ABS_TO_SD;
    const abs = Math.min(Math.abs(residual), limit);
    this.meanAbs += warmAlpha(this.alpha, this.seen) * (abs - this.meanAbs);
    this.seen++;
  }
}

/** Exponentially weighted ratio of two sums (e.g. negatives / mentions), with a prior worth `priorWeight`. */
export class EwRatio {
  private num: number;
  private den: number;

  constructor(
    private readonly alpha: number,
    prior: number,
    priorWeight: number,
  ) {
    this.num = prior * priorWeight;
    this.den = priorWeight;
  }

  value(): number {
    return this.den > 0 ? this.num / this.den : 0;
  }

  update(numerator: number, denominator: number): void {
    this.num = (1 - this.alpha) * this.num + numerator;
    this.den = (1 - this.alpha) * this.den + denominator;
  }
}

/** ln(n!) exactly for small n, by Stirling's series beyond (error < 1e-10). */
export function logFactorial(n: number): number {
  if (n < 20) {
    let sum = 0;
    for (let i = 2; i <= n; i++) sum += Math.log(i);
    return sum;
  }
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}

/** P(X ≥ k) for X ~ Poisson(mean), summed from k upwards (accurate for tiny tails). */
export function poissonUpperTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  let term = Math.exp(k * Math.log(mean) - mean - logFactorial(k));
  let sum = 0;
  for (let j = k; j < k + 1000 && term > sum * 1e-12; j++) {
    sum += term;
    term *= mean / (j + 1);
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed from k upwards. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  const logPmf = (j: number) => logFactorial(n) - logFactorial(j) - logFactorial(n - j) + j * Math.log(p) + (n - j) * Math.log1p(-p);
  let term = Math.exp(logPmf(k));
  let sum = 0;
  for (let j = k; j <= n && term > sum * 1e-12; j++) {
    sum += term;
    term *= ((n - j) / (j + 1)) * (p / (1 - p));
  }
  return Math.min(1, sum);
}
