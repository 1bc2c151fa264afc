// Seeded synthetic mention streams: a daily rhythm, a weekend dip and Poisson noise, plus bursts on demand.
// Used by the unit tests (deterministic scenarios) and handy for demos and drills; never random without a seed.
import type { BucketSnapshot } from './types.js';
import { DAY_MS, HOUR_MS, hourOfWeek } from './time-slots.js';

/** Mulberry32: a tiny, fast, seedable PRNG with good enough statistics for simulations. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson sample: Knuth's product method for small means, a rounded normal approximation above 50. */
export function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) {
    const normal = Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

export interface QuietStreamOptions {
  bucketSeconds: number;
  /** Mean mentions per bucket at the daily average. */
  meanPerBucket: number;
  /** Relative amplitude of the daily rhythm (0.6: peak 1.6×, trough 0.4× the mean). */
  dailyAmplitude: number;
  /** UTC hour of the daily peak. */
  peakHour: number;
  /** Multiplier on Saturdays and Sundays. */
  weekendFactor: number;
  negativeShare: number;
  /** Mean risk score of an ordinary mention. */
  meanRisk: number;
  /** Everyday vocabulary; term i is picked with probability ∝ 1/(i+1) (Zipf). */
  vocabulary: readonly string[];
}

export const DEFAULT_QUIET_STREAM: QuietStreamOptions = {
  bucketSeconds: 300,
  meanPerBucket: 6,
  dailyAmplitude: 0.7,
  peakHour: 15,
  weekendFactor: 0.5,
  negativeShare: 0.15,
  meanRisk: 0.02,
  vocabulary: ['service', 'client', 'app', 'livraison', 'prix', 'delivery', 'price', 'support', 'update', 'magasin', 'store', 'offre'],
};

/** Expected mentions per bucket at `start` for a quiet stream. */
export function quietRate(start: number, options: QuietStreamOptions): number {
  const hour = (start % DAY_MS) / HOUR_MS;
  const daily = 1 + options.dailyAmplitude * Math.cos((2 * Math.PI * (hour - options.peakHour)) / 24);
  const weekend = hourOfWeek(start) >= 5 * 24 ? options.weekendFactor : 1;
  return options.meanPerBucket * daily * weekend;
}

export interface MentionMix {
  count: number;
  negative: number;
  riskSum: number;
  terms: Record<string, number>;
}

/** Ordinary talk for one bucket: Poisson count, binomial negatives, small risks, Zipf terms. */
export function quietMentions(random: () => number, start: number, options: QuietStreamOptions): MentionMix {
  const count = poisson(random, quietRate(start, options));
  const terms: Record<string, number> = {};
  const weights = options.vocabulary.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let negative = 0;
  let riskSum = 0;
  for (let m = 0; m < count; m++) {
    if (random() < options.negativeShare) negative++;
    riskSum += random() * 2 * options.meanRisk;
    let pick = random() * total;
    let index = 0;
    while (index < weights.length - 1 && pick > weights[index]!) pick -= weights[index++]!;
    const term = options.vocabulary[index]!;
    terms[term] = (terms[term] ?? 0) + 1;
  }
  return { count, negative, riskSum, terms };
}

/** A bucket snapshot from a mention mix (no ambassador reports unless given). */
export function snapshot(start: number, mix: MentionMix, extra: Partial<BucketSnapshot> = {}): BucketSnapshot {
  return {
    start,
    count: mix.count,
    negative: mix.negative,
    riskSum: mix.riskSum,
    ambassadorReports: 0,
    distinctAmbassadors: 0,
    criticalReports: 0,
    terms: mix.terms,
    ...extra,
  };
}

/** Adds two mixes (ordinary talk plus a burst). */
export function addMix(a: MentionMix, b: MentionMix): MentionMix {
  const terms = { ...a.terms };
  for (const [term, n] of Object.entries(b.terms)) terms[term] = (terms[term] ?? 0) + n;
  return { count: a.count + b.count, negative: a.negative + b.negative, riskSum: a.riskSum + b.riskSum, terms };
}

/** The part of a bucket seen after a fraction of it has been ingested (counts only grow). */
export function partialMix(mix: MentionMix, fraction: number): MentionMix {
  const terms: Record<string, number> = {};
  for (const [term, n] of Object.entries(mix.terms)) terms[term] = Math.floor(n * fraction);
  return {
    count: Math.floor(mix.count * fraction),
    negative: Math.floor(mix.negative * fraction),
    riskSum: mix.riskSum * fraction,
    terms,
  };
}

/** Buckets of ordinary talk from `start` on, one per bucket, from a seeded generator. */
export function* quietStream(random: () => number, start: number, buckets: number, options: QuietStreamOptions = DEFAULT_QUIET_STREAM): Generator<BucketSnapshot> {
  const size = options.bucketSeconds * 1000;
  for (let i = 0; i < buckets; i++) yield snapshot(start + i * size, quietMentions(random, start + i * size, options));
}

/** A burst of mentions that all carry the given terms, with a share of negatives and a risk per mention. */
export function burstMentions(count: number, terms: readonly string[], negativeShare: number, riskPerMention: number): MentionMix {
  const counts: Record<string, number> = {};
  for (const term of terms) counts[term] = count;
  return { count, negative: Math.round(count * negativeShare), riskSum: count * riskPerMention, terms: counts };
}
