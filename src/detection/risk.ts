// Risk-term burst: the risk mass (sum of per-mention risk scores) of the last few minutes against what the
// watchlist's usual risk per mention predicts for that many mentions. A few posts carrying strong risk
// terms are enough, whatever the volume; a volume spike with the usual risk mix is not a risk burst.
import type { DetectorConfig } from './config.js';
import type { BucketSnapshot, Severity } from './types.js';
import { COLD, formatMinutes, ratio, round, severityFromRatio, timeWindow, topTerms } from './assessment.js';
import type { Assessment, AssessContext, KindDetector } from './assessment.js';
import { ewAlpha, EwRatio } from './robust.js';
import { Trailing, windowBuckets } from './window.js';

/** Before any history: ordinary talk carries little risk (0.05 per mention), worth 50 mentions of evidence. */
const PRIOR_RISK_PER_MENTION = 0.05;
const PRIOR_WEIGHT = 50;

interface Mass {
  count: number;
  risk: number;
}

export class RiskBurstDetector implements KindDetector {
  readonly kind = 'risk_burst' as const;
  private readonly perMention: EwRatio;
  private readonly size: number;
  private readonly trailing: Trailing<Mass>;
  private readonly bucketMs: number;

  constructor(private readonly config: DetectorConfig) {
    const alpha = ewAlpha(config.riskBaselineHalfLifeDays * (86_400 / config.bucketSeconds));
    this.perMention = new EwRatio(alpha, PRIOR_RISK_PER_MENTION, PRIOR_WEIGHT);
    this.size = windowBuckets(config.riskWindowMinutes, config.bucketSeconds);
    this.trailing = new Trailing<Mass>(this.size - 1);
    this.bucketMs = config.bucketSeconds * 1000;
  }

  assess(bucket: BucketSnapshot, context: AssessContext): Assessment {
    const c = this.config;
    const mass = this.trailing.sum((m) => m.risk) + bucket.riskSum;
    if (mass <= 0) return COLD;
    const mentions = this.trailing.sum((m) => m.count) + bucket.count;
    // At least the volume the baseline expects for the window, so a quiet hour does not shrink the bar.
    const expected = this.perMention.value() * Math.max(mentions, context.expectedCount * this.size);
    const factor = mass / Math.max(expected, 1e-3);
    const hot = mass >= c.riskMinSum * context.warmup && factor >= c.riskMinFactor;
    const warm = mass >= c.riskMinSum / 2 && factor >= c.riskMinFactor / 2;
    if (!hot && !warm) return COLD;
    const windowStart = bucket.start - this.trailing.values().length * this.bucketMs;
    const windowMs = bucket.start + this.bucketMs - windowStart;
    return {
      heat: hot ? 'hot' : 'warm',
      score: round(Math.min(factor, 1000), 2),
      // Risk terms are never a 'low' matter: the floor is medium.
      severity: atLeastMedium(severityFromRatio(Math.min(mass / c.riskMinSum, factor / Math.max(c.riskMinFactor, 1)))),
      explain: () => ({
        summary: `Risk-term burst: risk mass ${round(mass, 1)} across ${mentions} mentions in ${formatMinutes(windowMs)} vs ~${round(expected, 2)} usual`,
        observed: round(mass, 2),
        expected: round(expected, 2),
        factor: ratio(mass, expected, 0.05),
        window: timeWindow(windowStart, bucket.start + this.bucketMs),
        top_terms: topTerms(bucket.terms),
        sample_mention_ids: (bucket.sampleIds ?? []).slice(0, 5),
        details: { mentions, negative: bucket.negative, risk_per_mention: round(this.perMention.value(), 3) },
      }),
    };
  }

  learn(bucket: BucketSnapshot): void {
    // A burst teaches at most three times the usual intensity, so it does not become the new normal.
    const cap = bucket.count * 3 * Math.max(this.perMention.value(), 0.01);
    this.perMention.update(Math.min(bucket.riskSum, cap), bucket.count);
    this.trailing.push({ count: bucket.count, risk: bucket.riskSum });
  }
}

function atLeastMedium(severity: Severity): Severity {
  return severity === 'low' ? 'medium' : severity;
}
