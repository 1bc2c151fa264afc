// Risk-term burst: the risk mass (sum of per-mention risk scores) over the last few minutes against its
// usual level. A few posts carrying strong risk terms are enough, whatever the volume.
import type { DetectorConfig } from './config.js';
import type { BucketSnapshot } from './types.js';
import { COLD, formatMinutes, ratio, round, severityFromRatio, timeWindow, topTerms } from './assessment.js';
import type { Assessment, AssessContext, KindDetector } from './assessment.js';
import { ewAlpha } from './robust.js';
import { Trailing, windowBuckets } from './window.js';

export class RiskBurstDetector implements KindDetector {
  readonly kind = 'risk_burst' as const;
  /** Exponentially weighted risk mass per bucket (zero buckets included). */
  private perBucket = 0;
  private readonly alpha: number;
  private readonly size: number;
  private readonly trailing: Trailing<number>;
  private readonly bucketMs: number;

  constructor(private readonly config: DetectorConfig) {
    this.alpha = ewAlpha(config.riskBaselineHalfLifeDays * (86_400 / config.bucketSeconds));
    this.size = windowBuckets(config.riskWindowMinutes, config.bucketSeconds);
    this.trailing = new Trailing<number>(this.size - 1);
    this.bucketMs = config.bucketSeconds * 1000;
  }

  assess(bucket: BucketSnapshot, context: AssessContext): Assessment {
    const c = this.config;
    const mass = this.trailing.sum((x) => x) + bucket.riskSum;
    if (mass <= 0) return COLD;
    const expected = this.perBucket * this.size;
    const factor = mass / Math.max(expected, c.riskMinSum / Math.max(c.riskMinFactor, 1));
    const hot = mass >= c.riskMinSum * context.warmup && mass >= c.riskMinFactor * expected;
    const warm = mass >= c.riskMinSum / 2 && mass >= (c.riskMinFactor / 2) * expected;
    if (!hot && !warm) return COLD;
    const windowStart = bucket.start - this.trailing.values().length * this.bucketMs;
    const windowMs = bucket.start + this.bucketMs - windowStart;
    return {
      heat: hot ? 'hot' : 'warm',
      score: round(factor, 2),
      severity: severityFromRatio(Math.min(mass / c.riskMinSum, factor / Math.max(c.riskMinFactor, 1))),
      explain: () => ({
        summary: `Risk-term burst: risk mass ${round(mass, 1)} in ${formatMinutes(windowMs)} vs ~${round(expected, 2)} usual`,
        observed: round(mass, 2),
        expected: round(expected, 2),
        factor: ratio(mass, expected, 0.1),
        window: timeWindow(windowStart, bucket.start + this.bucketMs),
        top_terms: topTerms(bucket.terms),
        sample_mention_ids: (bucket.sampleIds ?? []).slice(0, 5),
        details: { mentions: bucket.count, negative: bucket.negative },
      }),
    };
  }

  learn(bucket: BucketSnapshot): void {
    // Clip what one bucket can teach, so a burst does not become the new normal within the hour.
    const cap = Math.max(3 * this.perBucket, this.config.riskMinSum / this.size);
    this.perBucket += this.alpha * (Math.min(bucket.riskSum, cap) - this.perBucket);
    this.trailing.push(bucket.riskSum);
  }
}
