// Anomaly likelihood (after Ahmad, Lavin, Purdy & Agha, "Unsupervised real-time anomaly detection for
// streaming data", Neurocomputing 2017, the method behind Numenta's NAB detector): the raw anomaly score of
// each bucket (here its clipped |z|) is judged against its own recent distribution. The mean of the last
// few scores is compared with the long-run mean and spread of that same windowed mean; the Gaussian tail probability
// of that difference says how unusual the recent stretch is. It reacts to what a spike threshold and a
// CUSUM of the level miss: a series that turns erratic (variance grows, values jump both ways), and a
// stretch of moderate departures on a series whose scores are usually calm. Being relative to the series'
// own score distribution, it needs no per-series threshold: a noisy baseline raises its own bar.
// The statistic is reported as −log10 of the tail probability, so "4" means one chance in 10,000.
import { ewAlpha, warmAlpha } from './robust.js';

export interface LikelihoodReading {
  /** −log10 of the Gaussian tail probability of the recent mean score (0 when nothing is known yet). */
  z: number;
  /** Sum of observed and expected values over the recent window, and where it starts. */
  observed: number;
  expected: number;
  windowStart: number;
  /** Mean signed z over the recent window: which way the series departs. */
  direction: number;
}

interface Entry {
  score: number;
  signed: number;
  observed: number;
  expected: number;
  start: number;
}

export class AnomalyLikelihood {
  private readonly recent: Entry[] = [];
  private next = 0;
  private sum = 0;
  private signedSum = 0;
  private mean = 0;
  private meanSquare = 0;
  private seen = 0;
  private readonly alpha: number;

  constructor(
    /** Scores averaged in the recent window. */
    private readonly window: number,
    /** Half-life of the long-run distribution of single scores, in buckets. */
    halfLifeBuckets: number,
    /** A bucket's score is at most this (one burst is the spike statistic's business). */
    private readonly clip: number,
    /** One-sided: only z > 0 counts (mention counts). */
    private readonly upOnly: boolean,
    /** Scores needed before the long-run spread is trusted. */
    private readonly minSeen: number,
  ) {
    this.alpha = ewAlpha(halfLifeBuckets);
  }

  read(start: number, z: number, observed: number, expected: number): LikelihoodReading {
    const n = Math.min(this.recent.length + 1, this.window);
    const dropped = this.recent.length >= this.window ? this.recent[this.next]! : null;
    const score = this.score(z);
    const total = this.sum - (dropped?.score ?? 0) + score;
    const variance = this.meanSquare - this.mean * this.mean;
    const oldest = this.recent.length < this.window ? this.recent[0] : this.recent[(this.next + 1) % this.window];
    const window = this.windowSums(dropped);
    const reading = {
      observed: window.observed + observed,
      expected: window.expected + expected,
      windowStart: n === 1 ? start : (oldest?.start ?? start),
      direction: (this.signedSum - (dropped?.signed ?? 0) + z) / n,
    };
    if (this.seen < this.minSeen || n < this.window || !(variance > 1e-12)) return { z: 0, ...reading };
    const t = (total / n - this.mean) / Math.sqrt(variance);
    return { z: t > 0 ? -Math.log10(Math.max(gaussianTail(t), 1e-300)) : 0, ...reading };
  }

  /** Learns a completed bucket: it enters the recent window, and the long-run distribution of scores. */
  learn(start: number, z: number, observed: number, expected: number, updateDistribution: boolean): void {
    const entry = { score: this.score(z), signed: z, observed, expected, start };
    if (this.recent.length < this.window) {
      this.recent.push(entry);
    } else {
      const old = this.recent[this.next]!;
      this.sum -= old.score;
      this.signedSum -= old.signed;
      this.recent[this.next] = entry;
      this.next = (this.next + 1) % this.window;
    }
    this.sum += entry.score;
    this.signedSum += entry.signed;
    if (!updateDistribution || this.recent.length < this.window) return;
    // The distribution learnt is that of the recent-window mean itself (as Numenta does): its spread
    // includes the series' own autocorrelation, which a spread of single scores divided by √n would not.
    const windowMean = this.sum / this.window;
    const a = warmAlpha(this.alpha, this.seen);
    this.mean += a * (windowMean - this.mean);
    this.meanSquare += a * (windowMean * windowMean - this.meanSquare);
    this.seen++;
  }

  private score(z: number): number {
    const x = this.upOnly ? z : Math.abs(z);
    return x <= 0 ? 0 : x >= this.clip ? this.clip : x;
  }

  private windowSums(dropped: Entry | null): { observed: number; expected: number } {
    let observed = 0;
    let expected = 0;
    for (const e of this.recent) {
      if (e === dropped) continue;
      observed += e.observed;
      expected += e.expected;
    }
    return { observed, expected };
  }
}

/**
 * Upper tail probability of the standard normal, P(Z > t) = erfc(t/√2)/2, with the Chebyshev fit of erfc
 * from Numerical Recipes (relative error < 1.2e-7 everywhere, so tiny probabilities stay right on a log scale).
 */
export function gaussianTail(t: number): number {
  const x = Math.abs(t) / Math.SQRT2;
  const k = 1 / (1 + 0.5 * x);
  const erfc =
    k *
    Math.exp(
      -x * x -
        1.26551223 +
        k * (1.00002368 + k * (0.37409196 + k * (0.09678418 + k * (-0.18628806 + k * (0.27886807 + k * (-1.13520398 + k * (1.48851587 + k * (-0.82215223 + k * 0.17087277)))))))),
    );
  return t >= 0 ? erfc / 2 : 1 - erfc / 2;
}
