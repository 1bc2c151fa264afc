import { describe, expect, it } from 'vitest';
import { densify, focusRange } from './chart.js';

const H = 3_600_000;
const since = Date.UTC(2026, 0, 1, 0, 0, 0);

describe('densify', () => {
  it('fills silent buckets with zeros up to now', () => {
    const series = { bucket_seconds: 3600, alerts: [], points: [{ t: new Date(since + 2 * H).toISOString(), count: 5, negative: 2, risk_sum: 0, ambassador_reports: 0 }] };
    const out = densify(series, since, since + 4 * H);
    expect(out.counts).toEqual([0, 0, 5, 0]);
    expect(out.negatives).toEqual([0, 0, 2, 0]);
    expect(out.xs).toEqual([0, 1, 2, 3].map((i) => (since + i * H) / 1000));
  });

  it('merges neighbouring buckets when there are too many to draw, keeping the totals', () => {
    const points = Array.from({ length: 2016 }, (_, i) => ({ t: new Date(since + i * 300_000).toISOString(), count: 1, negative: i % 2, risk_sum: 0, ambassador_reports: 0 }));
    const out = densify({ bucket_seconds: 300, alerts: [], points }, since, since + 2016 * 300_000);
    expect(out.counts.length).toBeLessThanOrEqual(200);
    expect(out.counts.reduce((a, b) => a + b, 0)).toBe(2016);
    expect(out.negatives.reduce((a, b) => a + b, 0)).toBe(1008);
  });

  it('ignores points outside the range', () => {
    const series = { bucket_seconds: 3600, alerts: [], points: [{ t: new Date(since - H).toISOString(), count: 9, negative: 9, risk_sum: 0, ambassador_reports: 0 }] };
    expect(densify(series, since, since + 2 * H).counts).toEqual([0, 0]);
  });
});

describe('focusRange', () => {
  it('zooms on an alert window with context before and after, never past now', () => {
    const start = since + 10 * H;
    const window = { start: new Date(start).toISOString(), end: new Date(start + 15 * 60_000).toISOString() };
    expect(focusRange(window, since + 20 * H)).toEqual({ since: start - 3 * H, until: start + 15 * 60_000 + H });
    expect(focusRange(window, start + 20 * 60_000).until).toBe(start + 20 * 60_000);
  });
});
