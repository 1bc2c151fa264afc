// What every per-kind detector returns for the filling bucket, and small helpers to build explanations.
import type { AlertKind, BucketSnapshot, Explanation, Severity } from './types.js';
import { isoTime } from './time-slots.js';

/** hot: conclusive, raise (or keep) an episode; warm: still elevated, keep an episode alive; cold: normal. */
export type Heat = 'hot' | 'warm' | 'cold';

export interface Assessment {
  heat: Heat;
  score: number;
  severity: Severity;
  /** Built only when a candidate is actually raised. */
  explain(): Explanation;
}

export const COLD: Assessment = Object.freeze({
  heat: 'cold' as const,
  score: 0,
  severity: 'low' as const,
  explain: (): Explanation => {
    throw new Error('a cold assessment has no explanation');
  },
});

/** Facts shared by the detectors while they assess one bucket. */
export interface AssessContext {
  /** Multiplier (≥ 1) applied to thresholds while history is short. */
  warmup: number;
  /** Mentions expected in this bucket by the volume baseline. */
  expectedCount: number;
  /** Whether public volume or negativity is elevated in this bucket (corroborates ambassadors). */
  publicElevated: boolean;
}

export interface KindDetector {
  readonly kind: AlertKind;
  assess(bucket: BucketSnapshot, context: AssessContext): Assessment;
  /** Learns a completed bucket (zero buckets included). */
  learn(bucket: BucketSnapshot): void;
}

/** Severity from how far a score is past its threshold. */
export function severityFromRatio(ratio: number): Severity {
  if (ratio >= 3) return 'critical';
  if (ratio >= 2) return 'high';
  if (ratio >= 1.3) return 'medium';
  return 'low';
}

/** The `n` most frequent terms, ties broken alphabetically so explanations are deterministic. */
export function topTerms(terms: Record<string, number>, n = 5): string[] {
  return Object.entries(terms)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([term]) => term);
}

export function timeWindow(startMs: number, endMs: number): { start: string; end: string } {
  return { start: isoTime(startMs), end: isoTime(endMs) };
}

/** observed / expected with expected floored, so a first mention after silence reads as a finite factor. */
export function ratio(observed: number, expected: number, floor = 0.5): number {
  return round(observed / Math.max(expected, floor), 2);
}

export function round(x: number, digits = 2): number {
  const m = 10 ** digits;
  return Math.round(x * m) / m;
}

/** 1234567 → "1,234,567"; small values keep one decimal. (No toLocaleString: loading ICU costs ~20 ms.) */
export function formatCount(x: number): string {
  if (x < 100) return String(round(x, 1));
  return String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatMinutes(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes % 60 === 0 && minutes > 0 ? `${minutes / 60} h` : `${minutes} min`;
}
