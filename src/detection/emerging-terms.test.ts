import { describe, expect, it } from 'vitest';
import { resolveDetectorConfig } from './config.js';
import { EmergingTermDetector } from './emerging-terms.js';
import { zeroBucket } from './detector.js';
import type { AssessContext } from './assessment.js';

const BUCKET = 300_000;
const START = Date.UTC(2024, 0, 15);
const CONTEXT: AssessContext = { warmup: 1, expectedCount: 10, publicElevated: false };
const USUAL = { service: 4, prix: 2, livraison: 2, app: 1 };

function trained(days = 2, config = {}) {
  const detector = new EmergingTermDetector(resolveDetectorConfig(config));
  let t = START;
  for (let i = 0; i < 288 * days; i++, t += BUCKET) detector.learn({ ...zeroBucket(t), count: 10, terms: USUAL });
  return { detector, next: t };
}

describe('EmergingTermDetector', () => {
  it.each([
    { label: 'the usual vocabulary', terms: USUAL, count: 10, hot: [] as string[] },
    { label: 'a usual word twice as often', terms: { ...USUAL, service: 8 }, count: 10, hot: [] },
    { label: 'a new word in 3 mentions', terms: { ...USUAL, rappel: 3 }, count: 10, hot: [] },
    { label: 'a new word in 8 mentions', terms: { ...USUAL, rappel: 8 }, count: 12, hot: ['rappel'] },
    { label: 'a new word and its bigram', terms: { ...USUAL, rappel: 9, 'rappel lot': 8 }, count: 12, hot: ['rappel', 'rappel lot'] },
    { label: 'everything triples with the volume', terms: { service: 12, prix: 6, livraison: 6, app: 3 }, count: 30, hot: [] },
    { label: 'a single letter', terms: { ...USUAL, x: 9 }, count: 12, hot: [] },
  ])('$label → $hot', ({ terms, count, hot }) => {
    const { detector, next } = trained();
    const assessment = detector.assess({ ...zeroBucket(next), count, terms }, CONTEXT);
    expect(assessment.heat === 'hot' ? assessment.explain().top_terms : []).toEqual(hot);
  });

  it('stays silent during the first day, when every word is new', () => {
    const detector = new EmergingTermDetector(resolveDetectorConfig());
    detector.learn({ ...zeroBucket(START), count: 10, terms: USUAL });
    expect(detector.assess({ ...zeroBucket(START + BUCKET), count: 12, terms: { rappel: 10 } }, CONTEXT).heat).toBe('cold');
  });

  it('keeps a bounded table of terms, forgetting the rarest first', () => {
    const { detector, next } = trained(1, { termMaxTracked: 50 });
    let t = next;
    for (let i = 0; i < 200; i++, t += BUCKET) detector.learn({ ...zeroBucket(t), count: 11, terms: { ...USUAL, [`word${i}`]: 1 } });
    expect(detector.trackedTerms).toBeLessThanOrEqual(50);
    // The everyday words survive: "service" is still known, so it does not emerge.
    expect(detector.assess({ ...zeroBucket(t), count: 10, terms: USUAL }, CONTEXT).heat).toBe('cold');
  });

  it('explains the term, its count and the usual level', () => {
    const { detector, next } = trained();
    const e = detector.assess({ ...zeroBucket(next), count: 12, terms: { ...USUAL, rappel: 8 }, sampleIds: ['a', 'b'] }, CONTEXT).explain();
    // The window holds the two previous buckets (10 mentions each) and this one.
    expect(e.summary).toMatch(/^Emerging term: "rappel" ×8 in 32 mentions over 15 min \(usually ~0\.6\)$/);
    expect(e.observed).toBe(8);
    expect(e.sample_mention_ids).toEqual(['a', 'b']);
  });
});
