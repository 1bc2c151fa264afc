// `pilotfish backtest` core: parse `timestamp,value` CSV lines and run the production detector over them.
// Pure (no I/O): the CLI streams the file into these functions and prints what comes back.
import { DEFAULT_DETECTOR_CONFIG } from './config.js';
import type { DetectorConfig, SeriesKind } from './config.js';
import type { AlertKind } from './types.js';
import { WatchlistDetector, zeroBucket } from './detector.js';

export interface SeriesRow {
  /** Epoch ms (UTC when the timestamp has no offset). */
  ms: number;
  /** The timestamp exactly as written in the input, echoed in alerts. */
  raw: string;
  value: number;
}

export interface BacktestAlert {
  timestamp: string;
  kind: AlertKind;
  score: number;
  reason: string;
}

export class InputError extends Error {}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses `2015-02-26 21:42:53`, ISO 8601 (with optional fraction and offset) or epoch seconds/ms; UTC by default. */
export function parseTimestamp(text: string): number | null {
  if (/^\d{9,13}$/.test(text)) {
    const n = Number(text);
    return text.length >= 12 ? n : n * 1000;
  }
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((x) => (x === undefined ? undefined : Number(x)));
  const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  const ms = Date.UTC(year!, month! - 1, day!, hour, minute, second) + fraction;
  const check = new Date(ms - fraction);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month! - 1 || hour > 23 || minute > 59 || second > 59) return null;
  return ms - offsetMs(m[8]);
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

function unquote(field: string): string {
  const t = field.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
}

/** The header must name `timestamp` and `value` as its first two columns (extra columns are ignored). */
export function checkHeader(line: string): void {
  const cols = line.replace(/^\uFEFF/, '').split(',').map((c) => unquote(c).toLowerCase());
  if (cols[0] !== 'timestamp' || cols[1] !== 'value') {
    throw new InputError(`bad header "${line.slice(0, 80)}": expected "timestamp,value"`);
  }
}

/** Parses one data line; throws InputError naming the line on anything malformed. */
export function parseRow(line: string, lineNumber: number): SeriesRow {
  const fields = line.split(',');
  if (fields.length < 2) throw new InputError(`line ${lineNumber}: expected "timestamp,value", got "${line.slice(0, 80)}"`);
  const raw = unquote(fields[0]!);
  const ms = parseTimestamp(raw);
  if (ms === null) throw new InputError(`line ${lineNumber}: cannot parse timestamp "${raw.slice(0, 40)}"`);
  const valueText = unquote(fields[1]!);
  const value = valueText === '' ? NaN : Number(valueText);
  if (!Number.isFinite(value)) throw new InputError(`line ${lineNumber}: value "${valueText.slice(0, 40)}" is not a number`);
  return { ms, raw, value };
}

/** Parses a bucket size such as `5m`, `300s`, `1h`, `1d` (a bare number is seconds) into seconds. */
export function parseBucketSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?$/i.exec(text.trim());
  const unit = { s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86_400 }[(m?.[2] ?? 's').toLowerCase() as 's'];
  const seconds = m ? Number(m[1]) * unit : NaN;
  if (!Number.isFinite(seconds) || seconds < 1 || !Number.isInteger(seconds)) {
    throw new InputError(`bad bucket size "${text}": use e.g. 5m, 300s, 1h`);
  }
  return seconds;
}

/** Median spacing of consecutive distinct timestamps among the first rows, in seconds (0 when unknown). */
export function typicalSpacingSeconds(rows: readonly SeriesRow[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < rows.length && gaps.length < 1000; i++) {
    const gap = rows[i]!.ms - rows[i - 1]!.ms;
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  return gaps.length ? Math.round(gaps[Math.floor(gaps.length / 2)]! / 1000) : 0;
}

/** Rows in time order (stable, so equal timestamps keep their input order); no copy when already sorted. */
export function inTimeOrder(rows: SeriesRow[]): SeriesRow[] {
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]!.ms < rows[i - 1]!.ms) return [...rows].sort((a, b) => a.ms - b.ms);
  }
  return rows;
}

/**
 * Rows are counts when every value is a whole number >= 0 and they are at least as noisy as counts of
 * independent events must be; anything else is a real-valued measurement. Counting events gives at least
 * Poisson noise (variance >= mean); whole numbers with less noise than that are readings on an integer
 * scale (a road speed in km/h, a reading rounded to units), which can fall as anomalously as they rise.
 * The noise is the half mean squared successive difference, which a slow daily rhythm barely inflates.
 */
export function seriesKindOf(rows: readonly SeriesRow[]): SeriesKind {
  for (const row of rows) if (row.value < 0 || !Number.isInteger(row.value)) return 'measurements';
  let sum = 0;
  let squaredSteps = 0;
  for (let i = 0; i < rows.length; i++) {
    sum += rows[i]!.value;
    if (i > 0) squaredSteps += (rows[i]!.value - rows[i - 1]!.value) ** 2;
  }
  if (rows.length < 2 || sum === 0) return 'counts';
  const noiseVariance = squaredSteps / (2 * (rows.length - 1));
  return noiseVariance >= sum / rows.length ? 'counts' : 'measurements';
}

/**
 * What the backtest takes from the series itself: the bucket is the rows' own step (one minute to a day),
 * unless given; counts or measurements from the values. Everything else is the service's default.
 */
export function backtestConfig(rows: readonly SeriesRow[], bucketSeconds?: number): Pick<DetectorConfig, 'bucketSeconds' | 'seriesKind'> {
  const spacing = typicalSpacingSeconds(rows);
  return {
    bucketSeconds: bucketSeconds ?? (spacing > 0 ? Math.min(Math.max(spacing, 60), 86_400) : DEFAULT_DETECTOR_CONFIG.bucketSeconds),
    seriesKind: seriesKindOf(rows),
  };
}

/**
 * Feeds rows in time order to one WatchlistDetector. Counts: a row's value is the bucket's mention count;
 * rows that fall in the same bucket add up (the bucket fills); buckets are aligned on the first row's
 * timestamp and missing buckets are zeros. Measurements: each row is one observation at its own time (a
 * later row with the same timestamp replaces it); missing rows are unknown, not zero.
 */
export function runBacktest(rows: readonly SeriesRow[], config: Partial<DetectorConfig>, emit: (alert: BacktestAlert) => void): void {
  const detector = new WatchlistDetector(config);
  const size = detector.bucketSizeMs;
  const first = rows[0];
  if (!first) return;
  const phase = first.ms;
  const measurements = detector.config.seriesKind === 'measurements';
  let bucket = zeroBucket(Number.NaN);
  for (const row of rows) {
    if (measurements) {
      bucket = { ...zeroBucket(row.ms), count: row.value };
    } else {
      const start = row.ms - (((row.ms - phase) % size) + size) % size;
      bucket = start === bucket.start ? { ...bucket, count: bucket.count + row.value } : { ...zeroBucket(start), count: row.value };
    }
    for (const candidate of detector.observe(bucket).raised) {
      emit({ timestamp: row.raw, kind: candidate.kind, score: candidate.score, reason: candidate.explanation.summary });
    }
  }
}
