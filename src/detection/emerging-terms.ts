// Emerging terms: words or bigrams whose share of the last few minutes' mentions jumps against their own
// history. Each term keeps an exponentially decaying count, updated lazily (decay applied when the term
// is seen again), next to the decaying mention total, so its usual share costs O(1) to read and work per
// bucket is proportional to the bucket's top terms only. Expectation follows the observed volume: a
// spike with the usual vocabulary is a volume alert, not an emerging term. The table is bounded: when it
// overflows, the rarest terms are forgotten first.
import type { DetectorConfig } from './config.js';
import type { BucketSnapshot } from './types.js';
import { COLD, formatMinutes, ratio, round, severityFromRatio, timeWindow } from './assessment.js';
import type { Assessment, AssessContext, KindDetector } from './assessment.js';
import { ewAlpha, poissonUpperTail } from './robust.js';
import { Trailing, windowBuckets } from './window.js';

interface TermHistory {
  /** Exponentially weighted occurrences, as of bucket index `at`. */
  weight: number;
  at: number;
}

interface WindowTerms {
  count: number;
  terms: Record<string, number>;
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
  /** Exponentially weighted mention total (same forgetting as the terms). */
  private mentions = 0;
  private readonly alpha: number;
  private readonly trailing: Trailing<WindowTerms>;
  private readonly bucketMs: number;
  private firstIndex: number | null = null;
  private lastIndex = 0;

  constructor(private readonly config: DetectorConfig) {
    this.alpha = ewAlpha((config.termHalfLifeHours * 3600) / config.bucketSeconds);
    this.trailing = new Trailing<WindowTerms>(windowBuckets(config.termWindowMinutes, config.bucketSeconds) - 1);
    this.bucketMs = config.bucketSeconds * 1000;
  }

  assess(bucket: BucketSnapshot, context: AssessContext): Assessment {
    const c = this.config;
    if (this.firstIndex === null || (this.indexOf(bucket.start) - this.firstIndex) * this.bucketMs < c.termMinHistoryHours * 3_600_000) return COLD;
    const windowMentions = this.trailing.sum((w) => w.count) + bucket.count;
    const hot: Emerging[] = [];
    let warm = false;
    for (const [term, current] of Object.entries(bucket.terms)) {
      if (term.length < MIN_TERM_LENGTH || !(current > 0)) continue;
      const count = current + this.trailing.sum((w) => w.terms[term] ?? 0);
      // A term never seen still gets a small share, so a brand-new word needs several occurrences.
      const expected = Math.max(this.usualShare(term), c.termFloorShare) * windowMentions;
      const factor = count / Math.max(expected, 0.1);
      const pValue = poissonUpperTail(count, expected);
      if (count >= c.termMinCount * context.warmup && factor >= c.termMinFactor && pValue <= c.termMaxPValue) {
        hot.push({ term, count, expected, factor });
      } else if (count >= c.termMinCount / 2 && factor >= c.termMinFactor / 2 && pValue <= Math.sqrt(c.termMaxPValue)) warm = true;
    }
    if (hot.length === 0) return warm ? { ...COLD, heat: 'warm' } : COLD;
    hot.sort((a, b) => b.factor - a.factor || (a.term < b.term ? -1 : 1));
    const lead = hot[0]!;
    const windowStart = bucket.start - this.trailing.values().length * this.bucketMs;
    return {
      heat: 'hot',
      score: round(lead.factor, 2),
      // A new word is context for the crisis team, not a crisis by itself: at most 'high'.
      severity: severityFromRatio(Math.min(lead.factor / Math.max(c.termMinFactor, 1), 2)),
      explain: () => ({
        summary:
          `Emerging term${hot.length > 1 ? 's' : ''}: ${hot.slice(0, 3).map((e) => `"${e.term}" ×${e.count}`).join(', ')} ` +
          `in ${windowMentions} mentions over ${formatMinutes(bucket.start + this.bucketMs - windowStart)} (usually ~${round(lead.expected, 1)})`,
        observed: lead.count,
        expected: round(lead.expected, 2),
        factor: ratio(lead.count, lead.expected),
        window: timeWindow(windowStart, bucket.start + this.bucketMs),
        top_terms: hot.slice(0, 10).map((e) => e.term),
        sample_mention_ids: (bucket.sampleIds ?? []).slice(0, 5),
        details: { term: lead.term, emerging_terms: hot.length, window_mentions: windowMentions },
      }),
    };
  }

  learn(bucket: BucketSnapshot): void {
    const index = this.indexOf(bucket.start);
    if (this.firstIndex === null) this.firstIndex = index;
    this.mentions = (1 - this.alpha) * this.mentions * Math.pow(1 - this.alpha, Math.max(0, index - this.lastIndex - 1)) + bucket.count;
    this.lastIndex = index;
    for (const [term, count] of Object.entries(bucket.terms)) {
      if (term.length < MIN_TERM_LENGTH || !(count > 0)) continue;
      this.history.set(term, { weight: this.decayedWeight(term, index) + count, at: index });
    }
    this.trailing.push({ count: bucket.count, terms: bucket.terms });
    if (this.history.size > this.config.termMaxTracked) this.forgetRarest(index);
  }

  /** Number of tracked terms (bounded by termMaxTracked). */
  get trackedTerms(): number {
    return this.history.size;
  }

  /** Share of mentions that carried the term, over the learnt history. */
  private usualShare(term: string): number {
    return this.mentions > 0 ? Math.min(1, this.decayedWeight(term, this.lastIndex) / this.mentions) : 0;
  }

  /** The term's weight decayed to bucket `index` (the buckets in between did not contain it). */
  private decayedWeight(term: string, index: number): number {
    const known = this.history.get(term);
    return known ? known.weight * Math.pow(1 - this.alpha, Math.max(0, index - known.at)) : 0;
  }

  /** Keeps the 80% most frequent terms; amortised O(log n) per new term. */
  private forgetRarest(index: number): void {
    const keep = Math.floor(this.config.termMaxTracked * 0.8);
    const ranked = [...this.history.keys()]
      .map((term) => ({ term, weight: this.decayedWeight(term, index) }))
      .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
    for (const { term } of ranked.slice(keep)) this.history.delete(term);
  }

  private indexOf(start: number): number {
    return Math.round(start / this.bucketMs);
  }
}
