// Risk-term burst: the risk mass (sum of per-mention risk scores) of the last few minutes against what the
// watchlist's usual risk per mention predicts for that many mentions. A few posts carrying strong risk
// terms are enough, whatever the volume; a volume spike with the usual risk mix is not a risk burst.
import type { DetectorConfig } from './config.js';
import type { BucketSnapshot, Explanation, Severity } from './types.js';
import { COLD, formatMinutes, ratio, round, severityFromRatio, timeWindow, topTerms } from './assessment.js';
import type { Assessment, AssessContext, Heat, KindDetector } from './assessment.js';
import { ewAlpha, EwRatio } from './robust.js';
import { Trailing, windowBuckets } from './window.js';

/** Before any history: ordinary talk carries little risk (0.05 per mention), worth 50 mentions of evidence. */
const PRIOR_RISK_PER_MENTION = 0.05;
const PRIOR_WEIGHT = 50;

interface Judgement {
  heat: Heat;
  mentions: number;
  mass: number;
  expected: number;
  factor: number;
  windowStart: number;
}

interface Mass {
  count: number;
  risk: number;
}

export class RiskBurstDetector implements KindDetector {
  readonly kind = 'risk_burst' as const;
  private readonly perMention: EwRatio;
  private readonly trailing: Trailing<Mass>;
  private readonly bucketMs: number;

  constructor(private readonly config: DetectorConfig) {
    const alpha = ewAlpha(config.riskBaselineHalfLifeDays * (86_400 / config.bucketSeconds));
    this.perMention = new EwRatio(alpha, PRIOR_RISK_PER_MENTION, PRIOR_WEIGHT);
    this.trailing = new Trailing<Mass>(windowBuckets(config.riskWindowMinutes, config.bucketSeconds) - 1);
    this.bucketMs = config.bucketSeconds * 1000;
  }

  /** Judges the filling bucket alone and the whole window (see NegativeSurgeDetector.assess). */
  assess(bucket: BucketSnapshot, context: AssessContext): Assessment {
    if (bucket.riskSum <= 0 && this.trailing.sum((m) => m.risk) <= 0) return COLD;
    const back = this.trailing.values().length;
    const spans = [
      this.judge(bucket.count, bucket.riskSum, 1, bucket.start, context),
      this.judge(this.trailing.sum((m) => m.count) + bucket.count, this.trailing.sum((m) => m.risk) + bucket.riskSum, back + 1, bucket.start - back * this.bucketMs, context),
    ];
    const lead = spans.filter((j) => j.heat === 'hot').sort((a, b) => b.factor - a.factor)[0] ?? spans.find((j) => j.heat === 'warm');
    if (!lead) return COLD;
    const c = this.config;
    return {
      heat: lead.heat,
      score: round(Math.min(lead.factor, 1000), 2),
      // Risk terms are never a 'low' matter: the floor is medium.
      severity: atLeastMedium(severityFromRatio(Math.min(lead.mass / c.riskMinSum, lead.factor / Math.max(c.riskMinFactor, 1)))),
      explain: () => this.explain(bucket, lead),
    };
  }

  private judge(mentions: number, mass: number, buckets: number, windowStart: number, context: AssessContext): Judgement {
    const c = this.config;
    // At least the volume the baseline expects for the span, so a quiet hour does not lower the bar.
    const expected = this.perMention.value() * Math.max(mentions, context.expectedCount * buckets);
    const factor = mass / Math.max(expected, 1e-3);
    const hot = mass >= c.riskMinSum * context.warmup && factor >= c.riskMinFactor;
    const warm = mass >= c.riskMinSum / 2 && factor >= c.riskMinFactor / 2;
    return { heat: hot ? 'hot' : warm ? 'warm' : 'cold', mentions, mass, expected, factor, windowStart };
  }

  private explain(bucket: BucketSnapshot, j: Judgement): Explanation {
    const end = bucket.start + this.bucketMs;
    return {
      summary: `Risk-term burst: risk mass ${round(j.mass, 1)} across ${j.mentions} mentions in ${formatMinutes(end - j.windowStart)} vs ~${round(j.expected, 2)} usual`,
      observed: round(j.mass, 2),
      expected: round(j.expected, 2),
      factor: ratio(j.mass, j.expected, 0.05),
      window: timeWindow(j.windowStart, end),
      top_terms: topTerms(bucket.terms),
      sample_mention_ids: (bucket.sampleIds ?? []).slice(0, 5),
      details: { mentions: j.mentions, negative: bucket.negative, risk_per_mention: round(this.perMention.value(), 3) },
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
