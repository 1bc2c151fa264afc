// Public types of the detection core. The core is pure: no clock, no I/O, no randomness; the service feeds
// it bucket snapshots and turns what it raises into alerts.

import type { AlertKind, Severity } from '../contract/enums.js';

export { ALERT_KINDS, type AlertKind, type Severity } from '../contract/enums.js';

/** Aggregates of one watchlist's mentions over one time bucket. Counts only grow while the bucket fills. */
export interface BucketSnapshot {
  /** Bucket start, epoch ms, aligned to the bucket size. */
  start: number;
  /** Mentions in the bucket. */
  count: number;
  /** Mentions labelled negative. */
  negative: number;
  /** Sum of per-mention risk scores (each in [0, 1]). */
  riskSum: number;
  /** Ambassador signals in the bucket. */
  ambassadorReports: number;
  /** Distinct ambassadors who reported in the bucket. */
  distinctAmbassadors: number;
  /** Ambassador signals with severity `critical`. */
  criticalReports: number;
  /** Top content terms/bigrams in the bucket with their counts (folded, stop words removed). */
  terms: Record<string, number>;
  /** A few mention ids, for explanations. */
  sampleIds?: string[];
  /**
   * Optional ids of the ambassadors who reported in the bucket. When present, corroboration counts
   * distinct ambassadors exactly across the whole window; without it, per-bucket distinct counts are summed.
   */
  ambassadorIds?: string[];
}

export interface Explanation {
  /** One line a human reads first. */
  summary: string;
  observed: number;
  expected: number;
  /** observed / expected (expected floored to avoid dividing by ~0). */
  factor: number;
  window: { start: string; end: string };
  top_terms: string[];
  sample_mention_ids: string[];
  details?: Record<string, number | string>;
}

export interface Candidate {
  kind: AlertKind;
  severity: Severity;
  /** How anomalous, larger is stronger; comparable within a kind only. */
  score: number;
  /** Stable id of the episode (`kind@episode-start-ISO`); part of the alert fingerprint. */
  episodeKey: string;
  bucketStart: number;
  explanation: Explanation;
}

export interface EpisodeEnd {
  kind: AlertKind;
  episodeKey: string;
  /** Epoch ms at which the episode was known to be over (end of the bucket that completed the cool-down). */
  at: number;
}

export interface DetectionResult {
  raised: Candidate[];
  ended: EpisodeEnd[];
}
