import { describe, expect, it } from 'vitest';
import { resolveDetectorConfig } from './config.js';
import { VolumeDetector } from './volume.js';
import type { AssessContext } from './assessment.js';
import { zeroBucket } from './detector.js';
import { DEFAULT_QUIET_STREAM, poisson, quietRate, seededRandom } from './synthetic.js';

const BUCKET = 300_000;
const HOUR = 3_600_000;
const MONDAY = Date.UTC(2024, 0, 1);

function context(expectedCount = 0): AssessContext {
  return { warmup: 1, expectedCount, publicElevated: false };
}

/** Wednesday 15:00 UTC of the third week: the daily peak, after two full weeks of history. */
const WEDNESDAY_PEAK = MONDAY + (16 * 24 + 15) * HOUR;

/** A volume detector trained on a daily rhythm around `mean` mentions per bucket until `until` (exclusive). */
function trained(mean: number, until = WEDNESDAY_PEAK) {
  const detector = new VolumeDetector(resolveDetectorConfig());
  const random = seededRandom(4);
  const options = { ...DEFAULT_QUIET_STREAM, meanPerBucket: mean };
  let t = MONDAY;
  for (; t < until; t += BUCKET) detector.learn({ ...zeroBucket(t), count: poisson(random, quietRate(t, options)) });
  return { detector, next: t, rate: (time: number) => quietRate(time, options), random, options };
}

describe('VolumeDetector spike', () => {
  it.each([
    { mean: 2, multiple: 1.5, heat: 'cold' },
    { mean: 2, multiple: 8, heat: 'hot' },
    { mean: 50, multiple: 1.3, heat: 'cold' },
    { mean: 50, multiple: 3, heat: 'hot' },
    { mean: 500, multiple: 1.15, heat: 'cold' },
    { mean: 500, multiple: 1.6, heat: 'hot' },
  ])('at $mean mentions/bucket, ×$multiple the usual afternoon volume is $heat', ({ mean, multiple, heat }) => {
    const { detector, next: t, rate } = trained(mean);
    const assessment = detector.assess({ ...zeroBucket(t), count: Math.round(rate(t) * multiple) }, context());
    expect(assessment.heat === 'hot' ? 'hot' : 'cold').toBe(heat);
  });

  it('fires on a partial count as soon as it is conclusive', () => {
    const { detector, next: t, rate } = trained(20);
    const final = Math.round(rate(t) * 6);
    const heats = [0.25, 0.5, 0.75, 1].map((f) => detector.assess({ ...zeroBucket(t), count: Math.round(final * f) }, context()).heat);
    expect(heats[0]).not.toBe('hot');
    expect(heats.indexOf('hot')).toBeGreaterThan(0);
    expect(heats.indexOf('hot')).toBeLessThan(3);
  });

  it('explains itself with observed, expected, factor and the bucket window', () => {
    const { detector, next: t, rate } = trained(20);
    const count = Math.round(rate(t) * 6);
    const explanation = detector.assess({ ...zeroBucket(t), count, terms: { panne: 40, service: 12 }, sampleIds: ['m1', 'm2'] }, context()).explain();
    expect(explanation.observed).toBe(count);
    expect(explanation.expected).toBeGreaterThan(rate(t) * 0.8);
    expect(explanation.factor).toBeCloseTo(count / explanation.expected, 1);
    expect(explanation.window).toEqual({ start: new Date(t).toISOString(), end: new Date(t + BUCKET).toISOString() });
    expect(explanation.top_terms).toEqual(['panne', 'service']);
    expect(explanation.sample_mention_ids).toEqual(['m1', 'm2']);
    expect(explanation.summary).toMatch(/^Volume spike: \d+ mentions in 5 min vs ~\d+/);
    expect(explanation.details).toMatchObject({ statistic: 'robust_z' });
  });

  it.each([
    { count: 4, heat: 'cold' },
    { count: 8, heat: 'cold' },
    { count: 20, heat: 'hot' },
  ])('after weeks of near silence, $count mentions in 5 minutes are $heat', ({ count, heat }) => {
    const { detector, next } = trained(0.05);
    expect(detector.assess({ ...zeroBucket(next), count }, context()).heat === 'hot' ? 'hot' : 'cold').toBe(heat);
  });
});

describe('VolumeDetector sustained rise', () => {
  it('raises when volume doubles for hours without any single outstanding bucket', () => {
    const start = WEDNESDAY_PEAK - 3 * HOUR;
    const { detector, rate, random } = trained(10, start);
    let firstHot: number | null = null;
    let maxBucketZ = 0;
    for (let t = start; t < start + 6 * HOUR && firstHot === null; t += BUCKET) {
      const bucket = { ...zeroBucket(t), count: poisson(random, 2.2 * rate(t)) };
      const assessment = detector.assess(bucket, context());
      maxBucketZ = Math.max(maxBucketZ, detector.read(bucket).z);
      if (assessment.heat === 'hot') firstHot = t;
      detector.learn(bucket);
    }
    expect(maxBucketZ).toBeLessThan(resolveDetectorConfig().volumeRaiseZ);
    expect(firstHot).not.toBeNull();
    expect(firstHot! - start).toBeLessThan(3 * HOUR);
  });
});
