// Negative-share surge: the share of negative mentions over the last few minutes against the watchlist's
// usual share. Needs a minimum number of negative mentions, so three angry posts on a quiet night are not
// a crisis (risky ones are caught by the risk-burst detector instead).
import type { DetectorConfig } from './config.js';
import type { BucketSnapshot, Explanation } from './types.js';
import { COLD, formatMinutes, ratio, round, severityFromRatio, timeWindow, topTerms } from './assessment.js';
import type { Assessment, AssessContext, Heat, KindDetector } from './assessment.js';
import { binomialUpperTail, clamp, ewAlpha, EwRatio } from './robust.js';
import { Trailing, windowBuckets } from './window.js';

/** Before any history: a typical share of negative mentions in brand talk, worth 50 mentions of evidence. */
const PRIOR_SHARE = 0.15;
const PRIOR_WEIGHT = 50;

interface Judgement {
  heat: Heat;
  n: number;
  k: number;
  p0: number;
  share: number;
  minShare: number;
  pValue: number;
  z: number;
  windowStart: number;
}

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

  /**
   * Judges the filling bucket alone and the whole window: a busy watchlist shows a surge in one bucket
   * (which a window of calm buckets would dilute), a quiet one only across several.
   */
  assess(bucket: BucketSnapshot, context: AssessContext): Assessment {
    if (bucket.negative <= 0 && this.trailing.sum((b) => b.negative) <= 0) return COLD;
    const spans = [
      this.judge(bucket.count, bucket.negative, bucket.start, context),
      this.judge(this.trailing.sum((b) => b.count) + bucket.count, this.trailing.sum((b) => b.negative) + bucket.negative, bucket.start - this.trailing.values().length * this.bucketMs, context),
    ];
    const lead = spans.filter((j) => j.heat === 'hot').sort((a, b) => a.pValue - b.pValue)[0] ?? spans.find((j) => j.heat === 'warm');
    if (!lead) return COLD;
    return {
      heat: lead.heat,
      score: round(lead.z, 2),
      severity: severityFromRatio(Math.min(lead.share / lead.minShare, lead.k / this.config.negativeMinCount)),
      explain: () => this.explain(bucket, lead),
    };
  }

  private judge(n: number, k: number, windowStart: number, context: AssessContext): Judgement {
    const c = this.config;
    const p0 = clamp(this.baseline.value(), 0.01, 0.95);
    const share = n > 0 ? k / n : 0;
    const minShare = Math.max(c.negativeMinShare, p0 + c.negativeMinLift);
    // Exact binomial tail: the normal approximation is far too generous for a dozen mentions.
    const pValue = k > 0 ? binomialUpperTail(k, n, p0) : 1;
    const hot = k >= c.negativeMinCount * context.warmup && share >= minShare && pValue <= c.negativeMaxPValue;
    const warm = k >= c.negativeMinCount / 2 && share >= p0 + c.negativeMinLift / 2 && pValue <= Math.sqrt(c.negativeMaxPValue);
    const z = n > 0 ? (k - n * p0) / Math.sqrt(n * p0 * (1 - p0)) : 0;
    return { heat: hot ? 'hot' : warm ? 'warm' : 'cold', n, k, p0, share, minShare, pValue, z, windowStart };
  }

  private explain(bucket: BucketSnapshot, j: Judgement): Explanation {
    const end = bucket.start + this.bucketMs;
    return {
      summary:
        `Negative surge: ${j.k} of ${j.n} mentions negative in ${formatMinutes(end - j.windowStart)} ` +
        `(${Math.round(j.share * 100)}% vs usual ${Math.round(j.p0 * 100)}%)`,
      observed: j.k,
      expected: round(j.n * j.p0, 2),
      factor: ratio(j.share, j.p0, 0.01),
      window: timeWindow(j.windowStart, end),
      top_terms: topTerms(bucket.terms),
      sample_mention_ids: (bucket.sampleIds ?? []).slice(0, 5),
      details: { share: round(j.share, 3), baseline_share: round(j.p0, 3), mentions: j.n, z: round(j.z, 2), p_value: j.pValue },
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
