import { describe, expect, it } from 'vitest';
import { resolveDetectorConfig } from './config.js';
import { SeasonalBaseline } from './seasonal-baseline.js';
import { countTransform } from './transform.js';
import { DEFAULT_QUIET_STREAM, poisson, quietRate, seededRandom } from './synthetic.js';

const BUCKET = 300_000;
const HOUR = 3_600_000;
const MONDAY = Date.UTC(2024, 0, 1);
const transform = countTransform('counts');
const options = { ...DEFAULT_QUIET_STREAM, meanPerBucket: 40 };

/** A baseline trained on ordinary talk from Monday until `until` (exclusive). */
function trained(until: number, spikeAt: number | null = null) {
  const baseline = new SeasonalBaseline(resolveDetectorConfig(), transform);
  const random = seededRandom(2);
  let t = MONDAY;
  for (; t < until; t += BUCKET) {
    const count = t === spikeAt ? 5000 : poisson(random, quietRate(t, options));
    baseline.update(t, transform.forward(count));
  }
  return { baseline, next: t };
}

const expectedCount = (baseline: SeasonalBaseline, t: number) => transform.inverse(baseline.forecast(t).mean);

describe('SeasonalBaseline', () => {
  it.each([
    { label: 'Wednesday 15:00 (daily peak)', offsetHours: 2 * 24 + 15 },
    { label: 'Wednesday 03:00 (trough)', offsetHours: 2 * 24 + 3 },
    { label: 'Saturday 15:00 (weekend dip)', offsetHours: 5 * 24 + 15 },
    { label: 'Sunday 09:00', offsetHours: 6 * 24 + 9 },
    { label: 'Monday 08:00 (after the weekend)', offsetHours: 8 },
  ])('after three weeks, forecasts $label within 15% of the true rate', ({ offsetHours }) => {
    // Trained up to the bucket before: forecasts are always one step ahead.
    const t = MONDAY + (21 * 24 + offsetHours) * HOUR;
    const { baseline } = trained(t);
    expect(expectedCount(baseline, t) / quietRate(t, options)).toBeGreaterThan(0.85);
    expect(expectedCount(baseline, t) / quietRate(t, options)).toBeLessThan(1.15);
  });

  it('barely moves after one huge spike (Huber-clipped updates)', () => {
    const until = MONDAY + 7 * 24 * HOUR;
    const plain = trained(until);
    const spiked = trained(until, until - 2 * BUCKET);
    const t = plain.next;
    expect(expectedCount(spiked.baseline, t) / expectedCount(plain.baseline, t)).toBeLessThan(1.1);
    expect(spiked.baseline.forecast(t).sd / plain.baseline.forecast(t).sd).toBeLessThan(1.1);
  });

  it('never reports less noise than Poisson sampling implies', () => {
    const baseline = new SeasonalBaseline(resolveDetectorConfig(), transform);
    for (let i = 0; i < 100; i++) baseline.update(MONDAY + i * BUCKET, transform.forward(3));
    expect(baseline.forecast(MONDAY + 100 * BUCKET).sd).toBeGreaterThanOrEqual(1);
  });
});
