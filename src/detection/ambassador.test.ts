import { describe, expect, it } from 'vitest';
import { resolveDetectorConfig } from './config.js';
import { AmbassadorDetector } from './ambassador.js';
import { zeroBucket } from './detector.js';
import type { BucketSnapshot } from './types.js';

const BUCKET = 300_000;
const START = Date.UTC(2024, 0, 15);

type Reports = Partial<BucketSnapshot>;
const one = (id: string): Reports => ({ ambassadorReports: 1, distinctAmbassadors: 1, ambassadorIds: [id] });
const critical = (id: string): Reports => ({ ...one(id), criticalReports: 1 });
const anonymous = (n: number): Reports => ({ ambassadorReports: n, distinctAmbassadors: n });

/** Feeds reports one bucket after another (5 minutes apart); returns the heat of each bucket. */
function run(reports: Reports[], publicElevated = false): string[] {
  const detector = new AmbassadorDetector(resolveDetectorConfig());
  return reports.map((r, i) => {
    const bucket = { ...zeroBucket(START + i * BUCKET), ...r };
    const { heat } = detector.assess(bucket, { warmup: 1, expectedCount: 5, publicElevated });
    detector.learn(bucket);
    return heat;
  });
}

describe('AmbassadorDetector', () => {
  it.each([
    { label: 'one report', reports: [one('a')], elevated: false, heats: ['warm'] },
    { label: 'one critical report', reports: [critical('a')], elevated: false, heats: ['hot'] },
    { label: 'three ambassadors within the hour', reports: [one('a'), {}, one('b'), {}, one('c')], elevated: false, heats: ['warm', 'warm', 'warm', 'warm', 'hot'] },
    { label: 'one ambassador three times', reports: [one('a'), one('a'), one('a')], elevated: false, heats: ['warm', 'warm', 'warm'] },
    { label: 'two ambassadors, public talk elevated', reports: [one('a'), one('b')], elevated: true, heats: ['warm', 'hot'] },
    { label: 'three reports without ids (counted as distinct)', reports: [anonymous(1), anonymous(2)], elevated: false, heats: ['warm', 'hot'] },
  ])('$label', ({ reports, elevated, heats }) => {
    expect(run(reports, elevated)).toEqual(heats);
  });

  it('forgets reports older than the window', () => {
    const reports: Reports[] = [one('a'), one('b'), ...Array.from({ length: 12 }, () => ({})), one('c')];
    expect(run(reports).at(-1)).toBe('warm');
  });

  it('rates a critical report critical and says why', () => {
    const detector = new AmbassadorDetector(resolveDetectorConfig());
    const assessment = detector.assess({ ...zeroBucket(START), ...critical('a'), sampleIds: ['s1'] }, { warmup: 1, expectedCount: 5, publicElevated: false });
    expect(assessment.severity).toBe('critical');
    expect(assessment.explain().summary).toBe('Ambassador signal: 1 report from 1 ambassador in 5 min (1 critical report)');
  });
});
