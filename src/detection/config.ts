// Detector parameters. Every duration is in time units (not buckets) so that a change of bucket size keeps
// the same meaning; thresholds are scale-free (z-scores, shares, factors, rarity in days) except the few
// absolute floors that keep a quiet watchlist quiet. docs/detection.md explains each default.

/**
 * What the volume values are. `counts` (the service: mentions per bucket) are stabilised with Anscombe's
 * square root and a missing bucket is a zero bucket; `measurements` (any real-valued series replayed by
 * `pilotfish backtest`: prices, percentages, negative numbers) are modelled as they are and a missing
 * bucket is unknown, not zero.
 */
export type SeriesKind = 'counts' | 'measurements';

export interface DetectorConfig {
  /** Bucket size in seconds (default 300 = 5 minutes). */
  bucketSeconds: number;

  // ── volume baseline (robust Holt-Winters on transformed counts) ──
  /** Counts (default) or real-valued measurements (see SeriesKind). */
  seriesKind: SeriesKind;
  /**
   * 1: departures both ways are anomalies (dips and falls too); 0: only rises (mention counts: less talk is
   * no crisis). Negative = follow the kind (measurements both ways, counts up only).
   */
  volumeTwoSided: number;
  /** Half-life of the deseasonalised level. */
  levelHalfLifeHours: number;
  /** Resolution of the time-of-day profile (minutes per slot, interpolated between slot centres). */
  dailySlotMinutes: number;
  /** Half-life of the hour-of-day profile (counted in days of data). */
  dailyHalfLifeDays: number;
  /** Half-life of the hour-of-week correction (counted in days of data). */
  weeklyHalfLifeDays: number;
  /** Weeks of data after which the hour-of-week correction gets half its weight. */
  weeklyShrinkWeeks: number;
  /** Measurements only: the residual scale is at least this share of the range of values seen so far. */
  measurementFloor: number;
  /** Half-life of the residual scale. */
  scaleHalfLifeHours: number;
  /** Huber clipping of residuals (in scale units) when updating the baseline: spikes barely move it. */
  huberK: number;
  /** Time from the first bucket during which thresholds are raised (cold start). */
  warmupHours: number;

  // ── volume spike (one bucket) ──
  /** Absolute floor of the robust z-score (transformed counts) that raises a volume spike. */
  volumeRaiseZ: number;
  /**
   * Rarity: a spike must also be more extreme than what this series itself produces about once in this
   * many days (tail of its own z-scores, learnt online), so one default fits calm and newsy series alike.
   */
  volumeRarityDays: number;
  /** z above which buckets feed the tail model. */
  volumeTailBaseZ: number;
  /** Half-life of the tail models. */
  volumeTailHalfLifeDays: number;
  /** z-score that keeps a volume episode alive (hysteresis). */
  volumeHoldZ: number;
  /** Absolute floor: fewer mentions than this (in the bucket or the rise) is never a volume alert. */
  volumeMinCount: number;
  /** Observed mentions must also be at least this multiple of the expected count. */
  volumeMinFactor: number;

  // ── sustained rise (CUSUM of bucket z-scores) ──
  /** z per bucket regarded as ordinary drift (CUSUM reference value). */
  cusumDrift: number;
  /** A bucket's z counts at most this much (one burst is not a lasting rise). */
  cusumClip: number;
  /** Absolute floor of the CUSUM alarm level. */
  cusumMinimum: number;
  /** CUSUM level above which values feed its tail model (same rarity as spikes). */
  cusumTailBase: number;

  // ── anomaly likelihood (recent mean of clipped |z| against its own long-run distribution) ──
  /** −log10 of the tail probability that raises (5: one chance in 100,000, Numenta's level); 0 (default) turns it off: see docs/detection.md. */
  likelihoodRaise: number;
  /** Buckets averaged in the recent window (a number of observations, not a duration: it sets the noise of the mean). */
  likelihoodWindow: number;
  /** Half-life of the long-run distribution of scores. */
  likelihoodHalfLifeDays: number;
  /** 1: the statistic must also beat this series' own rarity level (tail of its run peaks); 0: the fixed level only. */
  likelihoodRare: number;
  /** Statistic above which run peaks feed its tail model. */
  likelihoodTailBase: number;

  // ── negative-share surge ──
  negativeWindowMinutes: number;
  /** Minimum negative mentions in the window: three angry posts on a quiet night are not a surge. */
  negativeMinCount: number;
  /** Minimum negative share in the window. */
  negativeMinShare: number;
  /** Minimum rise of the negative share above its baseline (absolute, e.g. 0.2 = +20 points). */
  negativeMinLift: number;
  /** Binomial tail probability of the negative count under the usual share that raises. */
  negativeMaxPValue: number;
  negativeBaselineHalfLifeDays: number;

  // ── risk-term burst ──
  riskWindowMinutes: number;
  /** Minimum risk mass (sum of per-mention risk) in the window. */
  riskMinSum: number;
  /** Risk mass must be at least this multiple of the usual risk per mention times the window's mentions. */
  riskMinFactor: number;
  riskBaselineHalfLifeDays: number;

  // ── emerging terms ──
  /** Minimum occurrences of a term in the window. */
  termMinCount: number;
  /** Occurrences must be at least this multiple of the term's own expected count. */
  termMinFactor: number;
  /** Floor of a term's usual share of mentions (a never-seen term is assumed this common). */
  termFloorShare: number;
  /** Poisson tail probability of the term's count under its usual share that raises (many terms are tested). */
  termMaxPValue: number;
  termWindowMinutes: number;
  termHalfLifeHours: number;
  /** No emerging-term alerts before this much history (everything is new at first). */
  termMinHistoryHours: number;
  /** Bound on tracked terms; the least frequent are forgotten first. */
  termMaxTracked: number;

  // ── ambassador corroboration ──
  ambassadorWindowMinutes: number;
  /** Distinct ambassadors within the window that raise at once. */
  ambassadorMinDistinct: number;
  /** Distinct ambassadors that raise when public volume or negativity is also elevated. */
  ambassadorCorroboratedDistinct: number;

  // ── episodes ──
  /** An episode ends after this long without a hot or warm bucket; a new alert needs a new episode. */
  cooldownMinutes: number;
}

export const DEFAULT_DETECTOR_CONFIG: Readonly<DetectorConfig> = Object.freeze({
  bucketSeconds: 300,

  seriesKind: 'counts',
  volumeTwoSided: -1,
  levelHalfLifeHours: 24,
  dailySlotMinutes: 60,
  dailyHalfLifeDays: 7,
  weeklyHalfLifeDays: 21,
  weeklyShrinkWeeks: 0.25,
  measurementFloor: 0.01,
  scaleHalfLifeHours: 24,
  huberK: 2,
  warmupHours: 24,

  volumeRaiseZ: 4.5,
  volumeRarityDays: 21,
  volumeTailBaseZ: 2,
  volumeTailHalfLifeDays: 14,
  volumeHoldZ: 3,
  volumeMinCount: 5,
  volumeMinFactor: 1.5,

  cusumDrift: 1.5,
  cusumClip: 4,
  cusumMinimum: 8,
  cusumTailBase: 3,

  likelihoodRaise: 0,
  likelihoodWindow: 10,
  likelihoodHalfLifeDays: 14,
  likelihoodRare: 1,
  likelihoodTailBase: 2,

  negativeWindowMinutes: 15,
  negativeMinCount: 8,
  negativeMinShare: 0.4,
  negativeMinLift: 0.2,
  negativeMaxPValue: 1e-6,
  negativeBaselineHalfLifeDays: 3,

  riskWindowMinutes: 15,
  riskMinSum: 1.5,
  riskMinFactor: 3,
  riskBaselineHalfLifeDays: 3,

  termMinCount: 5,
  termMinFactor: 5,
  termFloorShare: 0.02,
  termMaxPValue: 1e-6,
  termWindowMinutes: 15,
  termHalfLifeHours: 24,
  termMinHistoryHours: 24,
  termMaxTracked: 5000,

  ambassadorWindowMinutes: 60,
  ambassadorMinDistinct: 3,
  ambassadorCorroboratedDistinct: 2,

  cooldownMinutes: 240,
} satisfies DetectorConfig);

/** Merges overrides onto the defaults and rejects values that would make the detector meaningless. */
export function resolveDetectorConfig(overrides: Partial<DetectorConfig> = {}): DetectorConfig {
  const config: DetectorConfig = { ...DEFAULT_DETECTOR_CONFIG, ...overrides };
  for (const [key, value] of Object.entries(config)) {
    if (key === 'seriesKind') {
      if (value !== 'counts' && value !== 'measurements') throw new RangeError(`detector config ${key} must be "counts" or "measurements"`);
      continue;
    }
    if (key === 'volumeTwoSided' && typeof value === 'number' && Number.isFinite(value)) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`detector config ${key} must be a finite number >= 0 (got ${String(value)})`);
    }
  }
  if (config.bucketSeconds < 1) throw new RangeError('detector config bucketSeconds must be >= 1');
  return config;
}
