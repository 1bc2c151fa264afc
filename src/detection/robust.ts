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
