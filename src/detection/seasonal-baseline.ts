// Robust seasonal baseline for one series of transformed counts: a robust additive Holt-Winters model
// (after Gelper, Fried & Croux 2010) with a deseasonalised level, an hour-of-day profile and an
// hour-of-week correction. Each update is O(1). Residuals are Huber-clipped before they move the
// estimates, so a burst barely teaches the baseline that bursts are normal.
import type { DetectorConfig } from './config.js';
import { CyclicProfile } from './profile.js';
import { clamp, ewAlpha, RobustScale, warmAlpha } from './robust.js';
import type { CountTransform } from './transform.js';
import { DAY_MS, HOURS_PER_WEEK, HOUR_MS, MONDAY_SHIFT_MS } from './time-slots.js';

export interface Forecast {
  /** Expected value on the transformed scale. */
  mean: number;
  /** Standard deviation of the one-step forecast error on the transformed scale. */
  sd: number;
}

export class SeasonalBaseline {
  private level = 0;
  private seen = 0;
  /** Smallest and largest value learnt: a measurement's resolution is judged against its range. */
  private low = Infinity;
  private high = -Infinity;
  private readonly daily: CyclicProfile;
  private readonly weekly = new CyclicProfile(HOURS_PER_WEEK, HOUR_MS, MONDAY_SHIFT_MS);
  private readonly scale: RobustScale;
  private readonly levelAlpha: number;
  private readonly dailyAlpha: number;
  private readonly weeklyAlpha: number;
  private readonly bucketsPerHour: number;

  constructor(
    private readonly config: DetectorConfig,
    /** Transform of the values; its Poisson noise is the floor of the scale. */
    private readonly transform: CountTransform,
  ) {
    const bucketHours = config.bucketSeconds / 3600;
    this.bucketsPerHour = Math.max(1, 1 / bucketHours);
    // Each hour-of-day slot is updated bucketsPerHour times a day; each hour-of-week slot as often a week.
    this.levelAlpha = ewAlpha(config.levelHalfLifeHours / bucketHours);
    // The daily profile has one slot per dailySlotMinutes; each slot is updated that many buckets a day.
    const slotMs = Math.min(Math.max(config.dailySlotMinutes * 60_000, config.bucketSeconds * 1000), DAY_MS);
    this.daily = new CyclicProfile(Math.round(DAY_MS / slotMs), DAY_MS / Math.round(DAY_MS / slotMs));
    this.dailyAlpha = ewAlpha(config.dailyHalfLifeDays * Math.max(1, slotMs / (config.bucketSeconds * 1000)));
    this.weeklyAlpha = ewAlpha((config.weeklyHalfLifeDays / 7) * this.bucketsPerHour);
    const scaleAlpha = ewAlpha(config.scaleHalfLifeHours / bucketHours);
    this.scale = new RobustScale(scaleAlpha, Math.max(3, config.huberK), 0);
  }

  /** Buckets learnt so far. */
  get observations(): number {
    return this.seen;
  }

  forecast(start: number): Forecast {
    const mean = this.seen === 0 ? this.transform.forward(0) : this.level + this.daily.value(start) + this.weeklyWeight(start) * this.weekly.value(start);
    // Sampling noise is a floor: a series that was flat so far can still jitter by Poisson noise.
    // Measurements have no sampling noise: their floor is a small share of the range seen so far, so a
    // flat or quantised series (a CPU idling at 0.066 %) does not turn its last digit into a z of 1000.
    const range = this.high > this.low ? this.high - this.low : 0;
    const floor = Math.max(this.transform.poissonSd(this.transform.inverse(mean)), (this.config.seriesKind === 'measurements' ? this.config.measurementFloor * range : 0), 1e-9 * (1 + Math.abs(mean)));
    return { mean, sd: Math.max(this.scale.sd(), floor) };
  }

  /** Learns one completed bucket (value on the transformed scale). */
  update(start: number, value: number): void {
    if (value < this.low) this.low = value;
    if (value > this.high) this.high = value;
    if (this.seen === 0) {
      this.level = value;
      this.seen = 1;
      return;
    }
    const { mean, sd } = this.forecast(start);
    const residual = value - mean;
    // During the warm-up nothing is clipped: the first day must learn the whole daily rhythm, and clipping
    // against a scale that does not know it yet would make that take weeks.
    const limit = this.hoursLearnt() < this.config.warmupHours ? Infinity : this.config.huberK * sd;
    const clipped = clamp(residual, -limit, limit);
    this.scale.update(residual);
    this.level += warmAlpha(this.levelAlpha, this.seen) * clipped;
    this.daily.update(start, clipped, this.dailyAlpha);
    // The hour-of-week correction learns only what level and daily profile could not absorb, and only from
    // the second week on: a week-of-day effect cannot be told apart from the daily rhythm before, and the
    // errors of the daily profile's first days would otherwise linger in it for weeks.
    if (this.hoursLearnt() >= 24 * 7) {
      const rest = clamp(value - this.forecast(start).mean, -limit, limit);
      this.weekly.update(start, rest, this.weeklyAlpha);
    }
    this.seen++;
  }

  /** The hour-of-week correction is shrunk towards 0 until a few weeks back it up. */
  private weeklyWeight(start: number): number {
    const weeks = this.weekly.observations(start) / this.bucketsPerHour;
    const shrink = this.config.weeklyShrinkWeeks;
    return shrink > 0 ? weeks / (weeks + shrink) : 1;
  }

  /** Hours of data learnt, for warm-up decisions. */
  hoursLearnt(): number {
    return (this.seen * this.config.bucketSeconds * 1000) / HOUR_MS;
  }
}
