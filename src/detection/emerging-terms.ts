// Emerging terms: words or bigrams whose count over the last few minutes jumps against their own history.
// Each term keeps an exponentially decaying rate, updated lazily (decay applied when the term is seen
// again), so work per bucket is proportional to the bucket's top terms only. The table is bounded: when
// it overflows, the rarest terms are forgotten first.
import type { DetectorConfig } from './config.js';
import type { BucketSnapshot } from './types.js';
import { COLD, formatMinutes, ratio, round, severityFromRatio, timeWindow } from './assessment.js';
import type { Assessment, AssessContext, KindDetector } from './assessment.js';
import { ewAlpha } from './robust.js';
import { Trailing, windowBuckets } from './window.js';

interface TermHistory {
  /** Expected occurrences per bucket, as of bucket index `at`. */
  rate: number;
  at: number;
}

interface Emerging {
  term: string;
  count: number;
  expected: number;
  factor: number;
}

/** Terms this short carry no meaning on their own (single letters left by tokenisers). */
const MIN_TERM_LENGTH = 2;

export class EmergingTermDetector implements KindDetector {
  readonly kind = 'emerging_term' as const;
  private readonly history = new Map<string, TermHistory>();
  private readonly alpha: number;
  private readonly size: number;
  private readonly trailing: Trailing<Record<string, number>>;
  private readonly bucketMs: number;
  private firstIndex: number | null = null;

  constructor(private readonly config: DetectorConfig) {
    this.alpha = ewAlpha((config.termHalfLifeHours * 3600) / config.bucketSeconds);
    this.size = windowBuckets(config.termWindowMinutes, config.bucketSeconds);
    this.trailing = new Trailing<Record<string, number>>(this.size - 1);
    this.bucketMs = config.bucketSeconds * 1000;
  }

  assess(bucket: BucketSnapshot, context: AssessContext): Assessment {
    const c = this.config;
    const index = this.indexOf(bucket.start);
    if (this.firstIndex === null || (index - this.firstIndex) * this.bucketMs < c.termMinHistoryHours * 3_600_000) return COLD;
    const floor = Math.max(0.5, c.termFloorShare * context.expectedCount * this.size);
    const hot: Emerging[] = [];
    let warm = false;
    for (const [term, current] of Object.entries(bucket.terms)) {
      if (term.length < MIN_TERM_LENGTH || !(current > 0)) continue;
      const count = current + this.trailing.sum((terms) => terms[term] ?? 0);
      const expected = this.expectedPerBucket(term, index) * this.size;
      const factor = count / Math.max(expected, floor);
      if (count >= c.termMinCount * context.warmup && factor >= c.termMinFactor * context.warmup) {
        hot.push({ term, count, expected, factor });
      } else if (count >= c.termMinCount / 2 && factor >= c.termMinFactor / 2) warm = true;
    }
    if (hot.length === 0) return warm ? { ...COLD, heat: 'warm' } : COLD;
    hot.sort((a, b) => b.factor - a.factor || (a.term < b.term ? -1 : 1));
    const lead = hot[0]!;
    const windowStart = bucket.start - this.trailing.values().length * this.bucketMs;
    return {
      heat: 'hot',
      score: round(lead.factor, 2),
      severity: severityFromRatio(lead.factor / c.termMinFactor),
      explain: () => ({
        summary:
          `Emerging term${hot.length > 1 ? 's' : ''}: ${hot.slice(0, 3).map((e) => `"${e.term}" ×${round(e.count, 0)}`).join(', ')} ` +
          `in ${formatMinutes(bucket.start + this.bucketMs - windowStart)} (usually ~${round(lead.expected, 1)})`,
        observed: lead.count,
        expected: round(lead.expected, 2),
        factor: ratio(lead.count, lead.expected),
        window: timeWindow(windowStart, bucket.start + this.bucketMs),
        top_terms: hot.slice(0, 10).map((e) => e.term),
        sample_mention_ids: (bucket.sampleIds ?? []).slice(0, 5),
        details: { term: lead.term, emerging_terms: hot.length },
      }),
    };
  }

  learn(bucket: BucketSnapshot): void {
    const index = this.indexOf(bucket.start);
    if (this.firstIndex === null) this.firstIndex = index;
    for (const [term, count] of Object.entries(bucket.terms)) {
      if (term.length < MIN_TERM_LENGTH || !(count > 0)) continue;
      const known = this.history.get(term);
      // Buckets since the last update were zeros: rate·(1-α)^gap, then this bucket's count enters with weight α.
      const decayed = known ? known.rate * Math.pow(1 - this.alpha, index - known.at) : 0;
      this.history.set(term, { rate: decayed + this.alpha * count, at: index });
    }
    this.trailing.push(bucket.terms);
    if (this.history.size > this.config.termMaxTracked) this.forgetRarest(index);
  }

  /** Number of tracked terms (bounded by termMaxTracked). */
  get trackedTerms(): number {
    return this.history.size;
  }

  private expectedPerBucket(term: string, index: number): number {
    const known = this.history.get(term);
    return known ? known.rate * Math.pow(1 - this.alpha, Math.max(0, index - 1 - known.at)) : 0;
  }

  /** Keeps the 80% most frequent terms; amortised O(log n) per new term. */
  private forgetRarest(index: number): void {
    const keep = Math.floor(this.config.termMaxTracked * 0.8);
    const ranked = [...this.history.entries()]
      .map(([term, h]) => ({ term, rate: h.rate * Math.pow(1 - this.alpha, index - h.at) }))
      .sort((a, b) => b.rate - a.rate || (a.term < b.term ? -1 : 1));
    for (const { term } of ranked.slice(keep)) this.history.delete(term);
  }

  private indexOf(start: number): number {
    return Math.round(start / this.bucketMs);
  }
}
