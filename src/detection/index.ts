// Public surface of the detection core.
export type { AlertKind, Severity, BucketSnapshot, Explanation, Candidate, EpisodeEnd, DetectionResult } from './types.js';
export { ALERT_KINDS } from './types.js';
export type { DetectorConfig, SeriesKind } from './config.js';
export { DEFAULT_DETECTOR_CONFIG, resolveDetectorConfig } from './config.js';
export { WatchlistDetector, zeroBucket } from './detector.js';
