// Volume: two statistics against the seasonal baseline, both reported as kind `volume_spike`:
// - spike: robust z-score of the bucket's (transformed) mention count;
// - rise: CUSUM of those z-scores (sustained-volume.ts), for talk that stays high without one outstanding bucket.
// Each must pass an absolute floor and the series' own rarity level (tail.ts), so calm and newsy watchlists
// share one default. Counts only grow while a bucket fills, so a partial count past the bar is conclusive.
import type { DetectorConfig } from './config.js';
import type { BucketSnapshot, Explanation } from './types.js';
import { isoTime } from './time-slots.js';
import { formatCount, formatMinutes, ratio, round, severityFromRatio, timeWindow, topTerms } from './assessment.js';
import type { Assessment, AssessContext, KindDetector } from './assessment.js';
import { SeasonalBaseline } from './seasonal-baseline.js';
import type { Forecast } from './seasonal-baseline.js';
import { SustainedVolume } from './sustained-volume.js';
import { ExceedanceTail } from './tail.js';
import { AnomalyLikelihood } from './likelihood.js';
import { countTransform } from './transform.js';
import type { CountTransform } from './transform.js';

export interface VolumeReading {
  z: number;
  expectedCount: number;
}

interface Evidence {
  kind: 'spike' | 'rise' | 'dip' | 'fall' | 'unusual';
  /** The series departs downwards (dip, fall, or an unusual stretch whose mean z is negative). */
  down?: boolean;
  /** Spike: robust z of the bucket. Rise: CUSUM of bucket z-scores since the rise began. */
  z: number;
  threshold: number;
  observed: number;
  expected: number;
  windowStart: number;
}

export class VolumeDetector implements KindDetector {
  readonly kind = 'volume_spike' as const;
  private readonly transform: CountTransform;
  private readonly baseline: SeasonalBaseline;
  private readonly tail: ExceedanceTail;
  private readonly sustained: SustainedVolume;
  /** Measurements are watched for departures both ways: the same two statistics on −z. */
  private readonly downward: { tail: ExceedanceTail; sustained: SustainedVolume } | null;
  /** Probability per bucket of a spike as rare as volumeRarityDays. */
  private readonly rarity: number;
  private readonly likelihood: AnomalyLikelihood | null;
  /** Rarity of the likelihood statistic on this series, learnt on the peaks of its runs (declustered like the CUSUM). */
  private readonly likelihoodTail: ExceedanceTail;
  private likelihoodPeak = 0;
  private readonly bucketMs: number;
  private cached: { start: number; forecast: Forecast } | null = null;

  constructor(private readonly config: DetectorConfig) {
    this.transform = countTransform(config.seriesKind);
    this.baseline = new SeasonalBaseline(config, this.transform);
    this.bucketMs = config.bucketSeconds * 1000;
    const bucketsPerDay = 86_400 / config.bucketSeconds;
    this.rarity = 1 / Math.max(1, config.volumeRarityDays * bucketsPerDay);
    // Prior: a calm series (the base z exceeded about once a day, by one unit on average).
    this.tail = ExceedanceTail.withHalfLife(config.volumeTailBaseZ, config.volumeTailHalfLifeDays * bucketsPerDay, {
      rate: 1 / bucketsPerDay,
      meanExcess: 1,
    });
    this.sustained = new SustainedVolume(config, this.rarity);
    const twoSided = config.volumeTwoSided < 0 ? config.seriesKind === 'measurements' : config.volumeTwoSided > 0;
    this.downward =
      twoSided
        ? {
            tail: ExceedanceTail.withHalfLife(config.volumeTailBaseZ, config.volumeTailHalfLifeDays * bucketsPerDay, { rate: 1 / bucketsPerDay, meanExcess: 1 }),
            sustained: new SustainedVolume(config, this.rarity),
          }
        : null;
    this.likelihood =
      config.likelihoodRaise > 0 && twoSided
        ? new AnomalyLikelihood(
            Math.max(2, Math.round(config.likelihoodWindow)),
            config.likelihoodHalfLifeDays * bucketsPerDay,
            config.cusumClip,
            false,
            Math.max(2, Math.round(config.likelihoodWindow)) * 10,
          )
        : null;
    this.likelihoodTail = ExceedanceTail.withHalfLife(config.likelihoodTailBase, config.volumeTailHalfLifeDays * bucketsPerDay, {
      rate: 1 / bucketsPerDay,
      meanExcess: 1,
    });
  }

  hoursLearnt(): number {
    return this.baseline.hoursLearnt();
  }

  /** z-score and expected count of one bucket; the forecast is computed once per bucket start. */
  read(bucket: BucketSnapshot): VolumeReading {
    const forecast = this.forecastFor(bucket.start);
    const expectedCount = this.transform.inverse(forecast.mean);
    const z = this.baseline.observations === 0 ? 0 : (this.transform.forward(bucket.count) - forecast.mean) / forecast.sd;
    return { z, expectedCount };
  }

  assess(bucket: BucketSnapshot, context: AssessContext): Assessment {
    const c = this.config;
    const { z, expectedCount } = this.read(bucket);
    const spike: Evidence = {
      kind: 'spike',
      z,
      threshold: Math.max(c.volumeRaiseZ, this.tail.threshold(this.rarity)) * context.warmup,
      observed: bucket.count,
      expected: expectedCount,
      windowStart: bucket.start,
    };
    const run = this.sustained.read(bucket.start, z, bucket.count, expectedCount);
    const rise: Evidence = { kind: 'rise', ...run, threshold: this.sustained.threshold() * context.warmup };
    const minCount = c.volumeMinCount * context.warmup;
    // Count floors only make sense for counts: a measurement has no "few mentions".
    const counts = c.seriesKind === 'counts';
    // For counts the floors mirror for a dip: the expected talk must be worth counting and fall by the factor.
    const countsAgree = (e: Evidence) =>
      e.down
        ? e.expected >= minCount && e.expected >= c.volumeMinFactor * e.observed
        : e.observed >= minCount && e.observed >= c.volumeMinFactor * e.expected;
    const conclusive = (e: Evidence) => e.z >= e.threshold && (!counts || countsAgree(e));
    const candidates = [spike, rise];
    if (this.downward) {
      const down = this.downward;
      candidates.push(
        { ...spike, kind: 'dip', down: true, z: -z, threshold: Math.max(c.volumeRaiseZ, down.tail.threshold(this.rarity)) * context.warmup },
        { kind: 'fall', down: true, ...down.sustained.read(bucket.start, -z, bucket.count, expectedCount), threshold: down.sustained.threshold() * context.warmup },
      );
    }
    if (this.likelihood) {
      const { direction, ...recent } = this.likelihood.read(bucket.start, z, bucket.count, expectedCount);
      candidates.push({ kind: 'unusual', down: direction < 0, ...recent, threshold: Math.max(c.likelihoodRaise, c.likelihoodRare > 0 ? this.likelihoodTail.threshold(this.rarity) : 0) * context.warmup });
    }
    // A measurement has no noise floor to lean on: nothing is conclusive before the warm-up has learnt its scale.
    const settled = counts || this.baseline.hoursLearnt() >= c.warmupHours;
    const lead = settled ? (candidates.find(conclusive) ?? null) : null;
    // Still elevated: a bucket z past the hold level, or a lasting run at least half-way to its alarm level.
    const elevated = (this.downward ? Math.abs(z) : z) >= c.volumeHoldZ || candidates.some((e) => e.kind !== 'spike' && e.kind !== 'dip' && e.z >= e.threshold / 2);
    const shown = lead ?? spike;
    return {
      heat: lead ? 'hot' : elevated ? 'warm' : 'cold',
      score: round(shown.z, 2),
      severity: severityFromRatio(shown.z / shown.threshold),
      explain: () => this.explain(bucket, shown),
    };
  }

  learn(bucket: BucketSnapshot): void {
    const { z, expectedCount } = this.read(bucket);
    // The tails learn only once the baseline knows the daily rhythm: during the warm-up the scale is still
    // being estimated and z-scores of thousands would inflate the series' rarity level for weeks.
    if (this.baseline.observations > 0 && this.baseline.hoursLearnt() >= this.config.warmupHours) {
      this.tail.update(z);
      this.sustained.learn(bucket.start, z, bucket.count, expectedCount);
      this.downward?.tail.update(-z);
      this.downward?.sustained.learn(bucket.start, -z, bucket.count, expectedCount);
    }
    const settled = this.baseline.observations > 0 && this.baseline.hoursLearnt() >= this.config.warmupHours;
    if (this.likelihood) {
      const value = settled ? this.likelihood.read(bucket.start, z, bucket.count, expectedCount).z : 0;
      this.likelihood.learn(bucket.start, z, bucket.count, expectedCount, settled);
      if (settled) {
        const ended = value <= 0 && this.likelihoodPeak > 0;
        this.likelihoodTail.update(ended ? this.likelihoodPeak : 0);
        this.likelihoodPeak = value > 0 ? Math.max(this.likelihoodPeak, value) : 0;
      }
    }
    this.baseline.update(bucket.start, this.transform.forward(bucket.count));
    this.cached = null;
  }

  private explain(bucket: BucketSnapshot, e: Evidence): Explanation {
    const factor = ratio(e.observed, e.expected);
    const span = bucket.start + this.bucketMs - e.windowStart;
    const single = e.kind === 'spike' || e.kind === 'dip';
    const since = `since ${isoTime(e.windowStart).slice(11, 16)} UTC`;
    const what = single
      ? `robust z ${e.kind === 'dip' ? '−' : ''}${round(e.z, 1)}`
      : e.kind === 'unusual'
        ? `unusual stretch ${since}, likelihood 1e-${round(e.z, 1)}`
        : `sustained ${e.kind} ${since}, CUSUM ${round(e.z, 1)}`;
    const measured = this.config.seriesKind === 'measurements';
    const observed = measured ? `${round(e.observed, 4)} in ${formatMinutes(span)} vs ~${round(e.expected, 4)} expected` : `${formatCount(e.observed)} mentions in ${formatMinutes(span)} vs ~${formatCount(e.expected)} expected`;
    return {
      summary: `Volume ${e.kind}: ${observed} (${measured ? '' : `×${factor}, `}${what})`,
      observed: e.observed,
      expected: round(e.expected, 2),
      factor,
      window: timeWindow(e.windowStart, bucket.start + this.bucketMs),
      top_terms: topTerms(bucket.terms),
      sample_mention_ids: (bucket.sampleIds ?? []).slice(0, 5),
      details: { statistic: single ? 'robust_z' : e.kind === 'unusual' ? 'likelihood' : 'cusum', direction: e.down ? 'down' : 'up', value: round(e.z, 2), threshold: round(e.threshold, 2) },
    };
  }

  private forecastFor(start: number): Forecast {
    if (this.cached?.start !== start) this.cached = { start, forecast: this.baseline.forecast(start) };
    return this.cached.forecast;
  }
}
