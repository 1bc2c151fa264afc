import { describe, expect, it } from 'vitest';
import { backtestConfig, checkHeader, inTimeOrder, InputError, parseBucketSize, parseRow, parseTimestamp, runBacktest, seriesKindOf, typicalSpacingSeconds } from './backtest.js';
import type { BacktestAlert, SeriesRow } from './backtest.js';
import { DEFAULT_QUIET_STREAM, poisson, quietRate, seededRandom } from './synthetic.js';

describe('parseTimestamp', () => {
  it.each([
    { text: '2015-02-26 21:42:53', ms: Date.UTC(2015, 1, 26, 21, 42, 53) },
    { text: '2015-02-26T21:42:53', ms: Date.UTC(2015, 1, 26, 21, 42, 53) },
    { text: '2015-02-26T21:42:53Z', ms: Date.UTC(2015, 1, 26, 21, 42, 53) },
    { text: '2015-02-26T21:42:53.250Z', ms: Date.UTC(2015, 1, 26, 21, 42, 53, 250) },
    { text: '2015-02-26 21:42:53.000000', ms: Date.UTC(2015, 1, 26, 21, 42, 53) },
    { text: '2015-02-26T23:42:53+02:00', ms: Date.UTC(2015, 1, 26, 21, 42, 53) },
    { text: '2015-02-26T16:42:53-0500', ms: Date.UTC(2015, 1, 26, 21, 42, 53) },
    { text: '2015-02-26 21:42', ms: Date.UTC(2015, 1, 26, 21, 42) },
    { text: '2015-02-26', ms: Date.UTC(2015, 1, 26) },
    { text: '1424986973', ms: 1424986973000 },
    { text: '1424986973000', ms: 1424986973000 },
  ])('reads $text (UTC unless an offset is given)', ({ text, ms }) => {
    expect(parseTimestamp(text)).toBe(ms);
  });

  it.each(['', 'yesterday', '2015-02-30 00:00:00', '2015-13-01', '2015-02-26 25:00:00', '26/02/2015 21:42', '2015-02-26 21:42:53 UTC'])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});

describe('CSV lines', () => {
  it.each(['timestamp,value', 'Timestamp, Value', '"timestamp","value"', '\uFEFFtimestamp,value', 'timestamp,value,label'])('accepts header %j', (line) => {
    expect(() => checkHeader(line)).not.toThrow();
  });

  it.each(['time,value', 'value,timestamp', 'timestamp', '2015-02-26 21:42:53,104'])('rejects header %j', (line) => {
    expect(() => checkHeader(line)).toThrow(InputError);
  });

  it.each([
    { line: '2015-02-26 21:42:53,104', row: { ms: Date.UTC(2015, 1, 26, 21, 42, 53), raw: '2015-02-26 21:42:53', value: 104 } },
    { line: '"2015-02-26 21:42:53", 7.5 ', row: { ms: Date.UTC(2015, 1, 26, 21, 42, 53), raw: '2015-02-26 21:42:53', value: 7.5 } },
    { line: '2015-02-26 21:42:53,-0.0325', row: { ms: Date.UTC(2015, 1, 26, 21, 42, 53), raw: '2015-02-26 21:42:53', value: -0.0325 } },
  ])('parses $line', ({ line, row }) => {
    expect(parseRow(line, 2)).toEqual(row);
  });

  it.each([
    { line: '2015-02-26 21:42:53', message: 'line 9: expected "timestamp,value"' },
    { line: '2015-02-26 21:42:53,abc', message: 'line 9: value "abc" is not a number' },
    { line: '2015-02-26 21:42:53,1e999', message: 'line 9: value "1e999" is not a number' },
    { line: '2015-02-26 21:42:53,', message: 'line 9: value "" is not a number' },
    { line: 'soon,3', message: 'line 9: cannot parse timestamp "soon"' },
  ])('names the line of a bad row: $line', ({ line, message }) => {
    expect(() => parseRow(line, 9)).toThrow(message);
  });

  it.each([
    ['5m', 300],
    ['300s', 300],
    ['300', 300],
    ['1h', 3600],
    ['15min', 900],
    ['1d', 86_400],
  ])('bucket size %s is %i seconds', (text, seconds) => {
    expect(parseBucketSize(text)).toBe(seconds);
  });

  it.each(['0m', '-5m', 'five', '2.5s', '5w'])('rejects bucket size %j', (text) => {
    expect(() => parseBucketSize(text)).toThrow(InputError);
  });
});

function row(ms: number, value: number): SeriesRow {
  return { ms, raw: new Date(ms).toISOString().replace('T', ' ').slice(0, 19), value };
}

/** Three weeks of a 5-minute series (timestamps at :x2:53 like NAB) with one burst near the end. */
function series(burstAt: number | null, burst = 80): SeriesRow[] {
  const random = seededRandom(21);
  const start = Date.UTC(2024, 0, 1, 0, 2, 53);
  return Array.from({ length: 21 * 288 }, (_, i) => {
    const ms = start + i * 300_000;
    return row(ms, poisson(random, quietRate(ms, DEFAULT_QUIET_STREAM)) + (i === burstAt ? burst : 0));
  });
}

describe('runBacktest', () => {
  it('raises at the row of the burst and echoes its timestamp as written', () => {
    const rows = series(20 * 288 + 180);
    const alerts: BacktestAlert[] = [];
    runBacktest(rows, {}, (a) => alerts.push(a));
    expect(alerts).toEqual([{ timestamp: rows[20 * 288 + 180]!.raw, kind: 'volume_spike', score: expect.any(Number), reason: expect.stringMatching(/^Volume spike: \d+ mentions in 5 min/) }]);
  });

  it('raises nothing on the same series without the burst', () => {
    const alerts: BacktestAlert[] = [];
    runBacktest(series(null), {}, (a) => alerts.push(a));
    expect(alerts).toEqual([]);
  });

  it('adds up rows that fall in one bucket and fires on the row where the bucket became conclusive', () => {
    // An hourly bucket holds ~100 ordinary mentions at this time of day: the burst must stand out of that.
    const rows = series(20 * 288 + 180, 400);
    const alerts: BacktestAlert[] = [];
    runBacktest(rows, { bucketSeconds: 3600 }, (a) => alerts.push(a));
    expect(alerts.map((a) => a.timestamp)).toEqual([rows[20 * 288 + 180]!.raw]);
    expect(alerts[0]!.reason).toMatch(/in 1 h/);
  });

});

/**
 * Two weeks of one-minute readings around −5 (a freezer's temperature, say): a daily swing of ±0.5 and
 * Gaussian noise of 0.1, optionally with a lasting step from `stepAt` and a few hours missing.
 */
function readings(stepAt: number | null, step: number, gap = false): SeriesRow[] {
  const random = seededRandom(33);
  const start = Date.UTC(2024, 0, 1);
  const rows: SeriesRow[] = [];
  for (let i = 0; i < 14 * 1440; i++) {
    if (gap && i >= 10 * 1440 && i < 10 * 1440 + 180) continue;
    const ms = start + i * 60_000;
    const noise = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()) * 0.1;
    const daily = 0.5 * Math.sin((2 * Math.PI * (i % 1440)) / 1440);
    rows.push(row(ms, Math.round((-5 + daily + noise + (stepAt !== null && i >= stepAt ? step : 0)) * 1000) / 1000));
  }
  return rows;
}

describe('runBacktest on measurements (real values of any sign)', () => {
  it('takes the step and the kind of values from the series itself', () => {
    expect(backtestConfig(readings(null, 0))).toEqual({ bucketSeconds: 60, seriesKind: 'measurements' });
    expect(backtestConfig(series(null))).toEqual({ bucketSeconds: 300, seriesKind: 'counts' });
    expect(backtestConfig(series(null), 3600)).toEqual({ bucketSeconds: 3600, seriesKind: 'counts' });
  });

  it('raises nothing on ordinary readings, even across a few missing hours', () => {
    const alerts: BacktestAlert[] = [];
    const rows = readings(null, 0, true);
    runBacktest(rows, backtestConfig(rows), (a) => alerts.push(a));
    expect(alerts).toEqual([]);
  });

  it.each([
    { step: -1.5, statistic: /^Volume (dip|fall): -6\.\d+ in/ },
    { step: 1.5, statistic: /^Volume (spike|rise): -3\.\d+ in/ },
  ])('raises a lasting step of $step within minutes, in either direction', ({ step, statistic }) => {
    const stepAt = 12 * 1440 + 600;
    const rows = readings(stepAt, step);
    const alerts: BacktestAlert[] = [];
    runBacktest(rows, backtestConfig(rows), (a) => alerts.push(a));
    expect(alerts).toHaveLength(1);
    const firedAt = rows.findIndex((r) => r.raw === alerts[0]!.timestamp);
    expect(firedAt - stepAt).toBeGreaterThanOrEqual(0);
    expect(firedAt - stepAt).toBeLessThan(30);
    expect(alerts[0]!.reason).toMatch(statistic);
  });
});

/** Ten days of a road speed in whole km/h every 5 minutes (about 90, slower at rush hours), optionally dropping to ~40 from `dropAt`. */
function speeds(dropAt: number | null): SeriesRow[] {
  const random = seededRandom(8);
  const start = Date.UTC(2024, 0, 1, 0, 3);
  return Array.from({ length: 10 * 288 }, (_, i) => {
    const ms = start + i * 300_000;
    const rush = Math.exp(-(((i % 288) - 100) ** 2) / 200) * 15;
    const noise = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()) * 2;
    return row(ms, Math.max(0, Math.round(90 - rush + noise - (dropAt !== null && i >= dropAt && i < dropAt + 24 ? 50 : 0))));
  });
}

describe('runBacktest on whole-number readings', () => {
  it('reads whole numbers with less than Poisson noise as measurements, and mention counts as counts', () => {
    expect(seriesKindOf(speeds(null))).toBe('measurements');
    expect(seriesKindOf(series(null))).toBe('counts');
    expect(seriesKindOf([row(0, 0), row(1, 0)])).toBe('counts');
  });

  it('raises a road jam (a fall of a whole-number speed) once, and nothing on an ordinary week', () => {
    const dropAt = 8 * 288 + 50;
    for (const [rows, expected] of [[speeds(null), 0], [speeds(dropAt), 1]] as const) {
      const alerts: BacktestAlert[] = [];
      runBacktest(rows, backtestConfig(rows), (a) => alerts.push(a));
      expect(alerts).toHaveLength(expected);
      if (expected) {
        const firedAt = rows.findIndex((r) => r.raw === alerts[0]!.timestamp);
        expect(firedAt - dropAt).toBeGreaterThanOrEqual(0);
        expect(firedAt - dropAt).toBeLessThan(3);
        expect(alerts[0]!.reason).toMatch(/^Volume (dip|fall|unusual)/);
      }
    }
  });
});

describe('helpers', () => {
  it('sorts rows only when they are out of order, keeping ties in input order', () => {
    const sorted = [row(1000, 1), row(2000, 2)];
    expect(inTimeOrder(sorted)).toBe(sorted);
    const shuffled = [row(3000, 3), row(1000, 1), row(1000, 9)];
    expect(inTimeOrder(shuffled).map((r) => r.value)).toEqual([1, 9, 3]);
  });

  it('finds the typical spacing of a series', () => {
    expect(typicalSpacingSeconds([row(0, 1), row(3_600_000, 1), row(7_200_000, 1), row(7_200_000, 1)])).toBe(3600);
    expect(typicalSpacingSeconds([row(0, 1)])).toBe(0);
  });
});
