import { describe, expect, it } from 'vitest';
import { CHART_W, windowGeometry } from './window-chart.js';

const M = 60_000;
const from = Date.UTC(2026, 0, 1, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

describe('windowGeometry', () => {
  const points = Array.from({ length: 12 }, (_, i) => ({ t: iso(from + i * 5 * M), count: i === 8 ? 40 : 2, negative: i === 8 ? 30 : 0 }));
  const series = { bucket_seconds: 300, from: iso(from), to: iso(from + 60 * M), points, band: { low: 1, median: 2, high: 3, from: iso(from - 1440 * M), to: iso(from) } };
  const g = windowGeometry(series, { start: iso(from + 40 * M), end: iso(from + 45 * M) });

  it('shades the alert window where its bucket is and counts what it holds', () => {
    expect(g.inside).toBe(40);
    expect(g.total).toBe(62);
    expect(g.window.x).toBeGreaterThan(CHART_W / 2);
    expect(g.window.x + g.window.width).toBeLessThan(CHART_W);
  });

  it('draws one point per bucket and a band below the spike', () => {
    expect(g.volume.split(' ')).toHaveLength(12);
    const spikeY = Number(g.volume.split(' ')[8]!.split(',')[1]);
    expect(spikeY).toBeLessThan(g.band.y);
    expect(g.band.height).toBeGreaterThan(0);
  });
});
