import { describe, expect, it } from 'vitest';
import { resolveDetectorConfig } from './config.js';
import { NegativeSurgeDetector } from './negative.js';
import { zeroBucket } from './detector.js';
import type { AssessContext } from './assessment.js';

const BUCKET = 300_000;
const START = Date.UTC(2024, 0, 15);
const CONTEXT: AssessContext = { warmup: 1, expectedCount: 0, publicElevated: false };

/** A detector that learnt a day of buckets with `count` mentions, `share` of them negative. */
function trained(count: number, share: number) {
  const detector = new NegativeSurgeDetector(resolveDetectorConfig());
  let t = START;
  for (let i = 0; i < 288; i++, t += BUCKET) detector.learn({ ...zeroBucket(t), count, negative: Math.round(count * share) });
  return { detector, next: t };
}

describe('NegativeSurgeDetector', () => {
  it.each([
    { label: 'three angry posts on a quiet night', usual: 1, share: 0.15, count: 3, negative: 3, heat: 'cold' },
    { label: 'six angry posts on a quiet night', usual: 1, share: 0.15, count: 7, negative: 6, heat: 'cold' },
    { label: 'a dozen angry posts where there is usually one', usual: 1, share: 0.15, count: 13, negative: 12, heat: 'hot' },
    { label: 'busy watchlist, usual share', usual: 40, share: 0.15, count: 40, negative: 6, heat: 'cold' },
    { label: 'busy watchlist, share doubles to 30%', usual: 40, share: 0.15, count: 40, negative: 12, heat: 'cold' },
    { label: 'busy watchlist, share jumps to 60%', usual: 40, share: 0.15, count: 40, negative: 24, heat: 'hot' },
    { label: 'a watchlist that is always negative', usual: 40, share: 0.6, count: 40, negative: 26, heat: 'cold' },
  ])('$label → $heat', ({ usual, share, count, negative, heat }) => {
    const { detector, next } = trained(usual, share);
    const assessment = detector.assess({ ...zeroBucket(next), count, negative }, CONTEXT);
    expect(assessment.heat === 'hot' ? 'hot' : 'cold').toBe(heat);
  });

  it('adds up the last 15 minutes, so a surge spread over three buckets counts as one', () => {
    const { detector, next } = trained(1, 0.15);
    detector.learn({ ...zeroBucket(next), count: 5, negative: 5 });
    detector.learn({ ...zeroBucket(next + BUCKET), count: 4, negative: 4 });
    const third = detector.assess({ ...zeroBucket(next + 2 * BUCKET), count: 4, negative: 4 }, CONTEXT);
    expect(third.heat).toBe('hot');
    const e = third.explain();
    expect(e.observed).toBe(13);
    expect(e.window.start).toBe(new Date(next).toISOString());
    expect(e.summary).toMatch(/^Negative surge: 13 of 13 mentions negative in 15 min \(100% vs usual \d+%\)$/);
  });

  it('is not taught by the surge itself that surges are normal', () => {
    const { detector, next } = trained(20, 0.15);
    let t = next;
    for (let i = 0; i < 24; i++, t += BUCKET) detector.learn({ ...zeroBucket(t), count: 20, negative: 18 });
    for (let i = 0; i < 12; i++, t += BUCKET) detector.learn({ ...zeroBucket(t), count: 20, negative: 3 });
    expect(detector.assess({ ...zeroBucket(t), count: 40, negative: 30 }, CONTEXT).heat).toBe('hot');
  });
});
