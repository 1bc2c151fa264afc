// Episode logic for one alert kind: the first conclusive bucket opens an episode and raises one candidate;
// hot or warm buckets keep it alive; it ends once a whole cool-down passed without any, and only then can a
// new episode (and a new alert) start. Bursts separated by less than the cool-down merge into one episode.
import type { AlertKind, EpisodeEnd } from './types.js';
import type { Heat } from './assessment.js';
import { isoTime } from './time-slots.js';

interface OpenEpisode {
  key: string;
  startedAt: number;
  /** Start of the last bucket that was hot or warm. */
  lastActiveAt: number;
}

export class EpisodeTracker {
  private open: OpenEpisode | null = null;

  constructor(
    readonly kind: AlertKind,
    private readonly bucketMs: number,
    private readonly cooldownMs: number,
  ) {}

  get activeKey(): string | null {
    return this.open?.key ?? null;
  }

  /**
   * Records the heat of the (possibly filling) bucket; returns the new episode key when this opens an
   * episode, i.e. when a candidate must be raised.
   */
  observe(bucketStart: number, heat: Heat): string | null {
    if (heat === 'cold') return null;
    if (this.open) {
      this.open.lastActiveAt = Math.max(this.open.lastActiveAt, bucketStart);
      return null;
    }
    if (heat !== 'hot') return null;
    const key = `${this.kind}@${isoTime(bucketStart)}`;
    this.open = { key, startedAt: bucketStart, lastActiveAt: bucketStart };
    return key;
  }

  /**
   * Adopts an episode the service knows is open (an open alert after a restart): no new candidate is
   * raised for this kind until it has ended.
   */
  resume(key: string, startedAt: number, lastActiveAt: number): void {
    const last = this.open?.key === key ? Math.max(this.open.lastActiveAt, lastActiveAt) : lastActiveAt;
    this.open = { key, startedAt, lastActiveAt: last };
  }

  /** Called when a bucket is complete; ends the episode once the cool-down has passed without activity. */
  complete(bucketStart: number): EpisodeEnd | null {
    const open = this.open;
    if (!open) return null;
    const bucketEnd = bucketStart + this.bucketMs;
    if (bucketEnd - (open.lastActiveAt + this.bucketMs) < this.cooldownMs) return null;
    this.open = null;
    return { kind: this.kind, episodeKey: open.key, at: bucketEnd };
  }
}
