// WatchlistDetector: the online detection core for one watchlist. The service calls observe() after each
// ingest batch with the snapshot of the filling bucket; a later start means every earlier bucket is
// complete (gaps are zero buckets). Buckets are assessed while they fill (fire on the way up) and learnt
// only once complete. Everything is deterministic, so replaying stored buckets rebuilds the same state.
import { resolveDetectorConfig } from './config.js';
import type { DetectorConfig } from './config.js';
import type { AlertKind, BucketSnapshot, Candidate, DetectionResult, EpisodeEnd } from './types.js';
import type { AssessContext, KindDetector } from './assessment.js';
import { EpisodeTracker } from './episodes.js';
import { VolumeDetector } from './volume.js';
import { NegativeSurgeDetector } from './negative.js';
import { RiskBurstDetector } from './risk.js';
import { EmergingTermDetector } from './emerging-terms.js';
import { AmbassadorDetector } from './ambassador.js';
import { DAY_MS, MINUTE_MS } from './time-slots.js';

/** A longer silence is not replayed bucket by bucket: four weeks of zeros already reset every estimate. */
const MAX_GAP_MS = 28 * DAY_MS;

export class WatchlistDetector {
  readonly config: DetectorConfig;
  private readonly bucketMs: number;
  private readonly volume: VolumeDetector;
  private readonly detectors: KindDetector[];
  private readonly episodes = new Map<AlertKind, EpisodeTracker>();
  private filling: BucketSnapshot | null = null;
  private lastCompleted: number | null = null;

  constructor(config: Partial<DetectorConfig> = {}) {
    this.config = resolveDetectorConfig(config);
    this.bucketMs = this.config.bucketSeconds * 1000;
    this.volume = new VolumeDetector(this.config);
    this.detectors = [
      this.volume,
      new NegativeSurgeDetector(this.config),
      new RiskBurstDetector(this.config),
      new EmergingTermDetector(this.config),
      new AmbassadorDetector(this.config),
    ];
    const cooldownMs = this.config.cooldownMinutes * MINUTE_MS;
    for (const d of this.detectors) this.episodes.set(d.kind, new EpisodeTracker(d.kind, this.bucketMs, cooldownMs));
  }

  /** Size of a bucket in ms. */
  get bucketSizeMs(): number {
    return this.bucketMs;
  }

  /**
   * Feeds the latest snapshot of a bucket. Same start as before: the filling bucket grew. Later start: the
   * previous buckets are complete. Earlier start (late data for a completed bucket): ignored.
   */
  observe(bucket: BucketSnapshot): DetectionResult {
    assertSnapshot(bucket, this.config.seriesKind === 'measurements');
    const ended: EpisodeEnd[] = [];
    if (this.filling && bucket.start < this.filling.start) return { raised: [], ended };
    if (!this.filling && this.lastCompleted !== null && bucket.start <= this.lastCompleted) return { raised: [], ended };
    if (this.filling && bucket.start > this.filling.start) ended.push(...this.completeFilling());
    if (this.lastCompleted !== null) ended.push(...this.completeZerosBefore(bucket.start));
    this.filling = bucket;
    return { raised: this.assess(bucket), ended };
  }

  /**
   * Completes every bucket that ended at or before `now` (the service's clock tick when nothing arrives).
   * Later data for those buckets is ignored, so the service should pass its clock minus a small grace
   * period covering ingest in flight.
   */
  advance(now: number): DetectionResult {
    const ended: EpisodeEnd[] = [];
    if (this.filling && this.filling.start + this.bucketMs <= now) ended.push(...this.completeFilling());
    if (this.lastCompleted !== null) ended.push(...this.completeZerosBefore(now));
    return { raised: [], ended };
  }

  /**
   * After a replay, adopts the episodes the service still has open alerts for (key from the alert
   * fingerprint, last activity e.g. the alert's last update). Replay alone can differ for share-based
   * kinds, whose partial snapshots may be conclusive when the stored final snapshot is not.
   */
  resumeEpisodes(open: readonly { kind: AlertKind; episodeKey: string; lastActiveAt: number }[]): void {
    for (const episode of open) {
      const startedAt = Date.parse(episode.episodeKey.slice(episode.episodeKey.indexOf('@') + 1));
      this.episodes.get(episode.kind)?.resume(episode.episodeKey, Number.isFinite(startedAt) ? startedAt : episode.lastActiveAt, episode.lastActiveAt);
    }
  }

  /** Keys of the episodes currently open, by kind (for the service and for tests). */
  openEpisodes(): Partial<Record<AlertKind, string>> {
    const open: Partial<Record<AlertKind, string>> = {};
    for (const [kind, tracker] of this.episodes) if (tracker.activeKey) open[kind] = tracker.activeKey;
    return open;
  }

  private assess(bucket: BucketSnapshot): Candidate[] {
    const { z, expectedCount } = this.volume.read(bucket);
    const context: AssessContext = {
      warmup: 1 + Math.max(0, 1 - this.volume.hoursLearnt() / Math.max(this.config.warmupHours, 1e-9)),
      expectedCount,
      publicElevated: z >= this.config.volumeHoldZ,
    };
    const raised: Candidate[] = [];
    for (const detector of this.detectors) {
      const assessment = detector.assess(bucket, context);
      if (detector.kind === 'negative_surge' && assessment.heat !== 'cold') context.publicElevated = true;
      const key = this.episodes.get(detector.kind)?.observe(bucket.start, assessment.heat);
      if (!key) continue;
      raised.push({
        kind: detector.kind,
        severity: assessment.severity,
        score: assessment.score,
        episodeKey: key,
        bucketStart: bucket.start,
        explanation: assessment.explain(),
      });
    }
    return raised;
  }

  private completeFilling(): EpisodeEnd[] {
    const bucket = this.filling;
    if (!bucket) return [];
    this.filling = null;
    return this.complete(bucket);
  }

  /** Completes the zero buckets between the last completed bucket and `before` (exclusive). */
  private completeZerosBefore(before: number): EpisodeEnd[] {
    const ended: EpisodeEnd[] = [];
    // A measurement missing from the series is unknown, not zero: nothing is learnt for it.
    if (this.config.seriesKind === 'measurements') return ended;
    let start = (this.lastCompleted ?? before) + this.bucketMs;
    if (before - start > MAX_GAP_MS) start += Math.floor((before - start - MAX_GAP_MS) / this.bucketMs) * this.bucketMs;
    for (; start + this.bucketMs <= before; start += this.bucketMs) ended.push(...this.complete(zeroBucket(start)));
    return ended;
  }

  private complete(bucket: BucketSnapshot): EpisodeEnd[] {
    for (const detector of this.detectors) detector.learn(bucket);
    this.lastCompleted = bucket.start;
    const ended: EpisodeEnd[] = [];
    for (const tracker of this.episodes.values()) {
      const end = tracker.complete(bucket.start);
      if (end) ended.push(end);
    }
    return ended;
  }
}

export function zeroBucket(start: number): BucketSnapshot {
  return { start, count: 0, negative: 0, riskSum: 0, ambassadorReports: 0, distinctAmbassadors: 0, criticalReports: 0, terms: {} };
}

function assertSnapshot(bucket: BucketSnapshot, anyValue: boolean): void {
  const ok =
    Number.isFinite(bucket.start) &&
    (anyValue ? Number.isFinite(bucket.count) : isCount(bucket.count)) &&
    isCount(bucket.negative) &&
    isCount(bucket.riskSum) &&
    isCount(bucket.ambassadorReports) &&
    isCount(bucket.distinctAmbassadors) &&
    isCount(bucket.criticalReports);
  if (!ok) throw new RangeError(`invalid bucket snapshot at ${bucket.start}: counts must be finite and >= 0 (any finite value for measurements)`);
}

function isCount(n: number): boolean {
  return Number.isFinite(n) && n >= 0;
}
