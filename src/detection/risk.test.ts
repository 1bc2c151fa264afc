import { describe, expect, it } from 'vitest';
import { resolveDetectorConfig } from './config.js';
import { RiskBurstDetector } from './risk.js';
import { zeroBucket } from './detector.js';

const BUCKET = 300_000;
const START = Date.UTC(2024, 0, 15);

/** A detector that learnt a day of buckets with `count` mentions carrying `riskPerMention` each. */
function trained(count: number, riskPerMention: number) {
  const detector = new RiskBurstDetector(resolveDetectorConfig());
  let t = START;
  for (let i = 0; i < 288 * 3; i++, t += BUCKET) detector.learn({ ...zeroBucket(t), count, riskSum: count * riskPerMention });
  return { detector, next: t };
}

describe('RiskBurstDetector', () => {
  it.each([
    { label: 'three posts with strong risk terms on a quiet night', usual: 1, risk: 0.02, count: 3, riskSum: 2.4, heat: 'hot' },
    { label: 'one post with a risk term', usual: 1, risk: 0.02, count: 1, riskSum: 0.8, heat: 'cold' },
    { label: 'three angry posts without risk terms', usual: 1, risk: 0.02, count: 3, riskSum: 0.06, heat: 'cold' },
    { label: 'volume triples with the usual risk mix', usual: 30, risk: 0.05, count: 90, riskSum: 4.5, heat: 'cold' },
    { label: 'usual volume, risk per mention ×5', usual: 30, risk: 0.05, count: 30, riskSum: 7.5, heat: 'hot' },
    { label: 'a watchlist about fraud, risky as usual', usual: 30, risk: 0.5, count: 30, riskSum: 15, heat: 'cold' },
  ])('$label → $heat', ({ usual, risk, count, riskSum, heat }) => {
    const { detector, next } = trained(usual, risk);
    const assessment = detector.assess({ ...zeroBucket(next), count, riskSum }, { warmup: 1, expectedCount: usual, publicElevated: false });
    expect(assessment.heat === 'hot' ? 'hot' : 'cold').toBe(heat);
  });

  it('rates a risk burst at least medium and explains the mass against the usual', () => {
    const { detector, next } = trained(1, 0.02);
    const assessment = detector.assess({ ...zeroBucket(next), count: 3, riskSum: 2.4, terms: { boycott: 3 } }, { warmup: 1, expectedCount: 1, publicElevated: false });
    expect(['medium', 'high', 'critical']).toContain(assessment.severity);
    const e = assessment.explain();
    expect(e.observed).toBe(2.4); // this bucket alone is the most conclusive span
    expect(e.top_terms).toEqual(['boycott']);
    expect(e.factor).toBeGreaterThan(3);
  });
});
