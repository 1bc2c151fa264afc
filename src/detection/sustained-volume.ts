// Sustained rise: a watchlist whose talk doubles for hours may never show one outstanding 5-minute bucket.
// A one-sided CUSUM (Page, 1954) of the bucket z-scores accumulates evidence of a lasting shift:
// S ← max(0, S + min(z, clip) − drift). The clip keeps one burst from counting as a lasting rise (bursts
// are the spike statistic's business); the drift is the shift per bucket that is considered normal noise.
// S is calibrated by its own tail model like the spike z, so the alarm level adapts to each series. The
// tail model learns one value per run (its peak, when the run ends): successive values of S within a run
// are not independent evidence, and counting them all would let a long run raise its own bar.
import type { DetectorConfig } from './config.js';
import { ExceedanceTail } from './tail.js';

export interface SustainedReading {
  /** CUSUM statistic after this bucket. */
  z: number;
  /** Mentions and expected mentions since the run started (S last at 0). */
  observed: number;
  expected: number;
  windowStart: number;
}

interface Run {
  sum: number;
  peak: number;
  start: number;
  observed: number;
  expected: number;
}

const EMPTY_RUN: Run = { sum: 0, peak: 0, start: 0, observed: 0, expected: 0 };

export class SustainedVolume {
  private run: Run = EMPTY_RUN;
  private readonly tail: ExceedanceTail;

  constructor(
    private readonly config: DetectorConfig,
    private readonly rarity: number,
  ) {
    const bucketsPerDay = 86_400 / config.bucketSeconds;
    this.tail = ExceedanceTail.withHalfLife(config.cusumTailBase, config.volumeTailHalfLifeDays * bucketsPerDay, {
      rate: 1 / bucketsPerDay,
      meanExcess: config.cusumTailBase,
    });
  }

  read(start: number, z: number, count: number, expected: number): SustainedReading {
    const next = this.step(start, z, count, expected);
    return { z: next.sum, observed: next.observed, expected: next.expected, windowStart: next.start };
  }

  threshold(): number {
    return Math.max(this.config.cusumMinimum, this.tail.threshold(this.rarity));
  }

  learn(start: number, z: number, count: number, expected: number): void {
    const before = this.run;
    this.run = this.step(start, z, count, expected);
    const ended = before.sum > 0 && this.run.sum <= 0;
    this.tail.update(ended ? before.peak : 0);
  }

  private step(start: number, z: number, count: number, expected: number): Run {
    const increment = Math.min(z, this.config.cusumClip) - this.config.cusumDrift;
    const sum = this.run.sum + increment;
    if (sum <= 0) return EMPTY_RUN;
    if (this.run.sum <= 0) return { sum, peak: sum, start, observed: count, expected };
    return { sum, peak: Math.max(sum, this.run.peak), start: this.run.start, observed: this.run.observed + count, expected: this.run.expected + expected };
  }
}
