import { describe, expect, it } from 'vitest';
import { WatchlistDetector } from './detector.js';
import type { BucketSnapshot, Candidate, DetectionResult, EpisodeEnd } from './types.js';
import { addMix, burstMentions, DEFAULT_QUIET_STREAM, partialMix, quietMentions, quietStream, seededRandom, snapshot } from './synthetic.js';
import type { MentionMix } from './synthetic.js';

const BUCKET = 300_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2024, 0, 1);
const WARMUP_DAYS = 14;

/** A detector that has seen two weeks of ordinary talk, and the seeded generator to continue it. */
function warmDetector(seed = 7) {
  const random = seededRandom(seed);
  const detector = new WatchlistDetector();
  const raised: Candidate[] = [];
  for (const bucket of quietStream(random, MONDAY, WARMUP_DAYS * 288)) raised.push(...detector.observe(bucket).raised);
  return { detector, random, next: MONDAY + WARMUP_DAYS * DAY, warmupRaised: raised };
}

function quiet(random: () => number, start: number): MentionMix {
  return quietMentions(random, start, DEFAULT_QUIET_STREAM);
}

function collect(results: DetectionResult[]): { raised: Candidate[]; ended: EpisodeEnd[] } {
  return { raised: results.flatMap((r) => r.raised), ended: results.flatMap((r) => r.ended) };
}

const frenchLeak = (count: number) => burstMentions(count, ['fuite', 'données', 'fuite données'], 0.8, 0.6);

describe('WatchlistDetector on a quiet stream with a daily rhythm and a weekend dip', () => {
  it.each([1, 2, 3])('raises nothing for a simulated week after the warm-up (seed %i)', (seed) => {
    const { detector, random, next } = warmDetector(seed);
    const results = [...quietStream(random, next, 7 * 288)].map((bucket) => detector.observe(bucket));
    expect(collect(results).raised).toEqual([]);
  });

  it.each([0.3, 30])('stays quiet at %f mentions per bucket too', (meanPerBucket) => {
    const random = seededRandom(11);
    const detector = new WatchlistDetector();
    const options = { ...DEFAULT_QUIET_STREAM, meanPerBucket };
    const results = [...quietStream(random, MONDAY, 21 * 288, options)].map((bucket) => detector.observe(bucket));
    expect(collect(results).raised.filter((c) => c.bucketStart >= MONDAY + 7 * DAY)).toEqual([]);
  });
});

describe('a burst of negative French mentions carrying risk terms', () => {
  const burstStart = MONDAY + WARMUP_DAYS * DAY + 14 * HOUR;

  function feedUntilBurst(seed: number) {
    const warm = warmDetector(seed);
    for (let t = warm.next; t < burstStart; t += BUCKET) warm.detector.observe(snapshot(t, quiet(warm.random, t)));
    return warm;
  }

  it('raises within two buckets of its start (completed buckets)', () => {
    const { detector, random } = feedUntilBurst(3);
    const raised: Candidate[] = [];
    for (let i = 0; i < 6; i++) {
      const t = burstStart + i * BUCKET;
      raised.push(...detector.observe(snapshot(t, addMix(quiet(random, t), frenchLeak(25)))).raised);
    }
    const first = raised[0];
    expect(first).toBeDefined();
    expect(first!.bucketStart).toBeLessThanOrEqual(burstStart + BUCKET);
    expect(raised.map((c) => c.kind)).toEqual(expect.arrayContaining(['negative_surge', 'risk_burst']));
    const negative = raised.find((c) => c.kind === 'negative_surge')!;
    expect(negative.explanation.top_terms).toContain('fuite');
    expect(negative.explanation.summary).toMatch(/negative/);
  });

  it('raises on the way up while the bucket is still filling', () => {
    const { detector, random } = feedUntilBurst(4);
    const firstRaise: { bucket: number; fraction: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const t = burstStart + i * BUCKET;
      const full = addMix(quiet(random, t), frenchLeak(25));
      for (const fraction of [0.25, 0.5, 0.75, 1]) {
        const { raised } = detector.observe(snapshot(t, partialMix(full, fraction)));
        if (raised.length > 0) firstRaise.push({ bucket: i, fraction });
      }
    }
    expect(firstRaise[0]?.bucket).toBeLessThanOrEqual(1);
    expect(firstRaise[0]?.fraction).toBeLessThan(1);
  });
});

describe('three angry posts on a quiet night', () => {
  const night = MONDAY + WARMUP_DAYS * DAY + 3 * HOUR;

  it.each([
    { label: 'without risk terms', risk: 0, expected: [] as string[] },
    { label: 'with risk terms', risk: 0.8, expected: ['risk_burst'] },
  ])('$label raise $expected', ({ risk, expected }) => {
    const { detector, random, next } = warmDetector(5);
    for (let t = next; t < night; t += BUCKET) detector.observe(snapshot(t, quiet(random, t)));
    const angry = burstMentions(3, ['nul', 'honte'], 1, risk);
    const results = [detector.observe(snapshot(night, addMix(quiet(random, night), angry)))];
    for (let t = night + BUCKET; t < night + 6 * BUCKET; t += BUCKET) results.push(detector.observe(snapshot(t, quiet(random, t))));
    expect(collect(results).raised.map((c) => c.kind)).toEqual(expected);
  });
});

describe('ambassador corroboration', () => {
  const at = MONDAY + WARMUP_DAYS * DAY + 10 * HOUR;
  type Reports = Pick<BucketSnapshot, 'ambassadorReports' | 'distinctAmbassadors' | 'criticalReports' | 'ambassadorIds'>;
  const report = (id: string, critical = false): Reports => ({ ambassadorReports: 1, distinctAmbassadors: 1, criticalReports: critical ? 1 : 0, ambassadorIds: [id] });

  it.each([
    { label: 'three distinct ambassadors within the hour', reports: [report('a'), report('b'), report('c')], raisedAt: 2, severity: 'high' },
    { label: 'one critical report', reports: [report('a', true)], raisedAt: 0, severity: 'critical' },
    { label: 'two ambassadors on a calm day', reports: [report('a'), report('b')], raisedAt: null, severity: null },
    { label: 'one ambassador reporting three times', reports: [report('a'), report('a'), report('a')], raisedAt: null, severity: null },
  ])('$label', ({ reports, raisedAt, severity }) => {
    const { detector, random, next } = warmDetector(6);
    for (let t = next; t < at; t += BUCKET) detector.observe(snapshot(t, quiet(random, t)));
    const raised: { index: number; candidate: Candidate }[] = [];
    reports.forEach((r, index) => {
      const t = at + index * 3 * BUCKET;
      for (const candidate of detector.observe(snapshot(t, quiet(random, t), r)).raised) raised.push({ index, candidate });
    });
    const ambassador = raised.filter((r) => r.candidate.kind === 'ambassador_signal');
    if (raisedAt === null) expect(ambassador).toEqual([]);
    else {
      expect(ambassador.map((r) => r.index)).toEqual([raisedAt]);
      expect(ambassador[0]!.candidate.severity).toBe(severity);
    }
  });
});

describe('emerging term', () => {
  it('raises a word that was never part of the talk and names it', () => {
    const { detector, random, next } = warmDetector(8);
    const at = next + 15 * HOUR;
    for (let t = next; t < at; t += BUCKET) detector.observe(snapshot(t, quiet(random, t)));
    const recall = { count: 9, negative: 2, riskSum: 0.2, terms: { rappel: 9, 'rappel produit': 8 } };
    const { raised } = detector.observe(snapshot(at, addMix(quiet(random, at), recall)));
    const emerging = raised.find((c) => c.kind === 'emerging_term');
    // Strongest first: "rappel" occurs 9 times, the bigram 8.
    expect(emerging?.explanation.top_terms).toEqual(['rappel', 'rappel produit']);
  });

  it('does not call the usual vocabulary emerging when volume triples', () => {
    const { detector, random, next } = warmDetector(8);
    const at = next + 15 * HOUR;
    for (let t = next; t < at; t += BUCKET) detector.observe(snapshot(t, quiet(random, t)));
    const busy = { ...DEFAULT_QUIET_STREAM, meanPerBucket: 3 * DEFAULT_QUIET_STREAM.meanPerBucket };
    const raised = [0, 1, 2].flatMap((i) => detector.observe(snapshot(at + i * BUCKET, quietMentions(random, at + i * BUCKET, busy))).raised);
    expect(raised.filter((c) => c.kind === 'emerging_term')).toEqual([]);
  });
});

describe('episodes', () => {
  it('one candidate per kind for a 30-minute burst, then ended after the cool-down, then a new episode', () => {
    const { detector, random, next } = warmDetector(9);
    const burst = next + 13 * HOUR;
    const results: DetectionResult[] = [];
    for (let t = next; t < burst + 12 * HOUR; t += BUCKET) {
      const inBurst = (t >= burst && t < burst + 30 * 60_000) || (t >= burst + 10 * HOUR && t < burst + 10 * HOUR + 2 * BUCKET);
      results.push(detector.observe(snapshot(t, inBurst ? addMix(quiet(random, t), frenchLeak(25)) : quiet(random, t))));
    }
    const { raised, ended } = collect(results);
    const firstEpisode = raised.filter((c) => c.bucketStart < burst + 10 * HOUR);
    const kinds = firstEpisode.map((c) => c.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toEqual(expect.arrayContaining(['negative_surge', 'risk_burst']));
    for (const candidate of firstEpisode) {
      const end = ended.find((e) => e.episodeKey === candidate.episodeKey);
      expect(end).toBeDefined();
      expect(end!.at).toBeGreaterThanOrEqual(burst + 30 * 60_000 + 4 * HOUR);
      expect(end!.at).toBeLessThan(burst + 10 * HOUR);
    }
    const secondEpisode = raised.filter((c) => c.bucketStart >= burst + 10 * HOUR);
    expect(secondEpisode.length).toBeGreaterThan(0);
    expect(secondEpisode.map((c) => c.episodeKey)).not.toEqual(expect.arrayContaining(firstEpisode.map((c) => c.episodeKey)));
  });

  it('ends an episode through advance() when no mentions arrive at all', () => {
    const { detector, random, next } = warmDetector(10);
    const t = next + 14 * HOUR;
    for (let s = next; s < t; s += BUCKET) detector.observe(snapshot(s, quiet(random, s)));
    const { raised } = detector.observe(snapshot(t, addMix(quiet(random, t), frenchLeak(30))));
    expect(raised.length).toBeGreaterThan(0);
    expect(detector.advance(t + HOUR).ended).toEqual([]);
    const { ended } = detector.advance(t + 6 * HOUR);
    expect(ended.map((e) => e.episodeKey).sort()).toEqual(raised.map((c) => c.episodeKey).sort());
    expect(detector.openEpisodes()).toEqual({});
  });
});

describe('restart by replay', () => {
  function onlineRun(seed: number) {
    const random = seededRandom(seed);
    const detector = new WatchlistDetector();
    const finals: BucketSnapshot[] = [];
    const burst = MONDAY + 10 * DAY + 15 * HOUR;
    for (let t = MONDAY; t < burst + HOUR; t += BUCKET) {
      const mix = t >= burst && t < burst + 20 * 60_000 ? addMix(quiet(random, t), frenchLeak(25)) : quiet(random, t);
      for (const fraction of [0.5, 1]) detector.observe(snapshot(t, partialMix(mix, fraction)));
      finals.push(snapshot(t, mix));
    }
    return { detector, finals, random, next: burst + HOUR };
  }

  it('replaying the stored buckets rebuilds the same episodes and the same future decisions', () => {
    const live = onlineRun(12);
    const restarted = new WatchlistDetector();
    for (const bucket of live.finals) restarted.observe(bucket);
    expect(Object.keys(live.detector.openEpisodes()).length).toBeGreaterThan(0);
    expect(restarted.openEpisodes()).toEqual(live.detector.openEpisodes());
    const future = [...quietStream(live.random, live.next, 12 * 12)];
    const continued = future.map((b) => live.detector.observe(b));
    const replayed = future.map((b) => restarted.observe(b));
    expect(replayed).toEqual(continued);
    expect(collect(continued).ended.length).toBeGreaterThan(0);
  });

  it('adopts the episodes the service still has open, so a restart does not raise them again', () => {
    const restarted = new WatchlistDetector();
    const random = seededRandom(15);
    for (const bucket of quietStream(random, MONDAY, 10 * 288)) restarted.observe(bucket);
    const now = MONDAY + 10 * DAY;
    const key = `negative_surge@${new Date(now - HOUR).toISOString()}`;
    restarted.resumeEpisodes([{ kind: 'negative_surge', episodeKey: key, lastActiveAt: now - 2 * BUCKET }]);
    expect(restarted.openEpisodes()).toEqual({ negative_surge: key });
    const burst = restarted.observe(snapshot(now, addMix(quiet(random, now), frenchLeak(25))));
    expect(burst.raised.map((c) => c.kind)).not.toContain('negative_surge');
    const { ended } = restarted.advance(now + 6 * HOUR);
    expect(ended.find((e) => e.kind === 'negative_surge')?.episodeKey).toBe(key);
  });

  it('is deterministic: the same input gives the same output', () => {
    const a = onlineRun(13);
    const b = onlineRun(13);
    expect(JSON.stringify(b.detector.openEpisodes())).toBe(JSON.stringify(a.detector.openEpisodes()));
  });
});

describe('bucket bookkeeping', () => {
  it('treats a gap as zero buckets and ignores late data for completed buckets', () => {
    const { detector, random, next } = warmDetector(14);
    detector.observe(snapshot(next, quiet(random, next)));
    const later = next + 3 * HOUR;
    expect(() => detector.observe(snapshot(later, quiet(random, later)))).not.toThrow();
    expect(detector.observe(snapshot(next, addMix(quiet(random, next), frenchLeak(100))))).toEqual({ raised: [], ended: [] });
  });

  it('advance() completes exactly the buckets that have ended', () => {
    const detector = new WatchlistDetector();
    detector.observe(snapshot(MONDAY, { count: 3, negative: 0, riskSum: 0, terms: {} }));
    detector.advance(MONDAY + BUCKET - 1);
    // Still filling: a later snapshot of the same bucket is taken into account (not ignored as late data).
    expect(detector.observe(snapshot(MONDAY, { count: 4, negative: 0, riskSum: 0, terms: {} }))).toEqual({ raised: [], ended: [] });
    detector.advance(MONDAY + 3 * BUCKET);
    // Now complete, and so are the two zero buckets after it: data for them is late.
    const late = addMix(quiet(seededRandom(1), MONDAY), frenchLeak(200));
    expect(detector.observe(snapshot(MONDAY + 2 * BUCKET, late)).raised).toEqual([]);
    expect(detector.observe(snapshot(MONDAY + 3 * BUCKET, late)).raised.length).toBeGreaterThan(0);
  });

  it('rejects negative counts', () => {
    const detector = new WatchlistDetector();
    expect(() => detector.observe(snapshot(MONDAY, { count: -1, negative: 0, riskSum: 0, terms: {} }))).toThrow(RangeError);
  });
});
