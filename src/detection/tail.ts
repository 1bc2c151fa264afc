// Peaks-over-threshold calibration of an anomaly score (after SPOT, Siffer et al., KDD 2017). Some series
// are calm and a z of 6 is extraordinary; others (a brand in the news every day) throw z = 20 bursts
// weekly. Above a base level `u`, excesses of the score follow a generalised Pareto distribution
// (Pickands–Balkema–de Haan); its scale and shape are fitted online by the method of moments on
// exponentially weighted moments of the excesses. The alarm threshold is the score this series exceeds
// with probability q per bucket.
import { ewAlpha } from './robust.js';

/** Shape is kept where the moment estimator is defined and the tail stays plausible for counts. */
const MAX_SHAPE = 0.45;

export interface TailPrior {
  /** Share of buckets above the base level. */
  rate: number;
  /** Mean excess above the base level. */
  meanExcess: number;
}

export class ExceedanceTail {
  private rate: number;
  /** Exponentially weighted sums of exceedance indicator, excess and squared excess. */
  private w: number;
  private s1: number;
  private s2: number;

  constructor(
    private readonly base: number,
    private readonly alpha: number,
    prior: TailPrior & { weight: number },
  ) {
    this.rate = prior.rate;
    // The prior is an exponential tail (shape 0: variance = mean²) worth `weight` buckets.
    this.w = prior.rate * prior.weight * alpha;
    this.s1 = this.w * prior.meanExcess;
    this.s2 = this.w * 2 * prior.meanExcess ** 2;
  }

  static withHalfLife(base: number, halfLifeBuckets: number, prior: TailPrior): ExceedanceTail {
    return new ExceedanceTail(base, ewAlpha(halfLifeBuckets), { ...prior, weight: halfLifeBuckets });
  }

  exceedanceRate(): number {
    return this.rate;
  }

  /** Fitted generalised Pareto scale σ and shape ξ of the excesses. */
  fit(): { scale: number; shape: number } {
    if (this.w <= 0) return { scale: 0, shape: 0 };
    const mean = this.s1 / this.w;
    const variance = Math.max(this.s2 / this.w - mean * mean, 1e-12);
    const shape = Math.min(MAX_SHAPE, Math.max(0, 0.5 * (1 - (mean * mean) / variance)));
    return { scale: mean * (1 - shape), shape };
  }

  /** Score exceeded with probability `q` per bucket according to the fitted tail (memoised until the next update). */
  threshold(q: number): number {
    if (this.memo?.q !== q) this.memo = { q, value: this.computeThreshold(q) };
    return this.memo.value;
  }

  private memo: { q: number; value: number } | null = null;

  private computeThreshold(q: number): number {
    if (!(q > 0) || this.rate <= q) return this.base;
    const { scale, shape } = this.fit();
    const odds = this.rate / q;
    const excess = shape < 1e-6 ? scale * Math.log(odds) : (scale / shape) * (Math.pow(odds, shape) - 1);
    return this.base + excess;
  }

  update(score: number): void {
    this.memo = null;
    const excess = score > this.base ? score - this.base : 0;
    const exceeded = score > this.base ? 1 : 0;
    const keep = 1 - this.alpha;
    this.rate += this.alpha * (exceeded - this.rate);
    this.w = keep * this.w + this.alpha * exceeded;
    this.s1 = keep * this.s1 + this.alpha * excess;
    this.s2 = keep * this.s2 + this.alpha * excess * excess;
  }
}
