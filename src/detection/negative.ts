// Negative-share surge: the share of negative mentions over the last few minutes against the watchlist's
// usual share. Needs a minimum number of negative mentions, so three angry posts on a quiet night are not
// a crisis (risky ones are caught by the risk-burst detector instead).
import type { DetectorConfig } from './config.js';
import type { BucketSnapshot } from './types.js';
import { COLD, formatMinutes, ratio, round, severityFromRatio, timeWindow, topTerms } from './assessment.js';
import type { Assessment, AssessContext, KindDetector } from './assessment.js';
import { binomialUpperTail, clamp, ewAlpha, EwRatio } from './robust.js';
import { Trailing, windowBuckets } from './window.js';

/** Before any history: a typical share of negative mentions in brand talk, worth 50 mentions of evidence. */
const PRIOR_SHARE = 0.15;
const PRIOR_WEIGHT = 50;

interface Counts {
  count: number;
  negative: number;
}

export class NegativeSurgeDetector implements KindDetector {
  readonly kind = 'negative_surge' as const;
  private readonly baseline: EwRatio;
  private readonly trailing: Trailing<Counts>;
  private readonly bucketMs: number;

  constructor(private readonly config: DetectorConfig) {
    const bucketDays = config.bucketSeconds / 86_400;
    this.baseline = new EwRatio(ewAlpha(config.negativeBaselineHalfLifeDays / bucketDays), PRIOR_SHARE, PRIOR_WEIGHT);
    const size = windowBuckets(config.negativeWindowMinutes, config.bucketSeconds);
    this.trailing = new Trailing<Counts>(size - 1);
    this.bucketMs = config.bucketSeconds * 1000;
  }

  assess(bucket: BucketSnapshot, context: AssessContext): Assessment {
    const c = this.config;
    const n = this.trailing.sum((b) => b.count) + bucket.count;
    const k = this.trailing.sum((b) => b.negative) + bucket.negative;
    if (n <= 0 || k <= 0) return COLD;
    const p0 = clamp(this.baseline.value(), 0.01, 0.95);
    const share = k / n;
    const z = (k - n * p0) / Math.sqrt(n * p0 * (1 - p0));
    const minShare = Math.max(c.negativeMinShare, p0 + c.negativeMinLift);
    // Exact binomial tail: the normal approximation is far too generous for a dozen mentions.
    const pValue = binomialUpperTail(k, n, p0);
    const hot = k >= c.negativeMinCount * context.warmup && share >= minShare && pValue <= c.negativeMaxPValue;
    const warm = k >= c.negativeMinCount / 2 && share >= p0 + c.negativeMinLift / 2 && pValue <= Math.sqrt(c.negativeMaxPValue);
    if (!hot && !warm) return COLD;
    const windowStart = bucket.start - this.trailing.values().length * this.bucketMs;
    const windowMs = bucket.start + this.bucketMs - windowStart;
    return {
      heat: hot ? 'hot' : 'warm',
      score: round(z, 2),
      severity: severityFromRatio(Math.min(share / minShare, k / c.negativeMinCount)),
      explain: () => ({
        summary:
          `Negative surge: ${k} of ${n} mentions negative in ${formatMinutes(windowMs)} ` +
          `(${Math.round(share * 100)}% vs usual ${Math.round(p0 * 100)}%)`,
        observed: k,
        expected: round(n * p0, 2),
        factor: ratio(share, p0, 0.01),
        window: timeWindow(windowStart, bucket.start + this.bucketMs),
        top_terms: topTerms(bucket.terms),
        sample_mention_ids: (bucket.sampleIds ?? []).slice(0, 5),
        details: { share: round(share, 3), baseline_share: round(p0, 3), mentions: n, z: round(z, 2), p_value: pValue },
      }),
    };
  }

  learn(bucket: BucketSnapshot): void {
    // A surge teaches at most a modest rise of the share, so the next surge is still a surge.
    const p0 = this.baseline.value();
    const capped = Math.min(bucket.negative, bucket.count * Math.min(1, p0 + this.config.negativeMinLift));
    this.baseline.update(capped, bucket.count);
    this.trailing.push({ count: bucket.count, negative: bucket.negative });
  }
}
