// A cyclic profile (hour of day, hour of week) with linear interpolation between slot centres. A stepwise
// profile jumps at every full hour and mis-predicts the steep morning rise of a big watchlist by the
// whole change within the hour; interpolating removes that error at the same O(1) cost.
import { warmAlpha } from './robust.js';

export class CyclicProfile {
  private readonly values: Float64Array;
  private readonly seen: Float64Array;

  constructor(
    private readonly slots: number,
    private readonly slotMs: number,
    /** Epoch offset so that slot 0 starts at the right moment (e.g. Monday 00:00 UTC). */
    private readonly offsetMs = 0,
  ) {
    this.values = new Float64Array(slots);
    this.seen = new Float64Array(slots);
  }

  /** Interpolated profile value at epoch ms `t`. */
  value(t: number): number {
    this.locate(t);
    return (1 - this.weight) * (this.values[this.left] ?? 0) + this.weight * (this.values[this.right] ?? 0);
  }

  /** Observations absorbed around `t` (fractional: each update is shared by two slots). */
  observations(t: number): number {
    this.locate(t);
    return (1 - this.weight) * (this.seen[this.left] ?? 0) + this.weight * (this.seen[this.right] ?? 0);
  }

  /** Moves the two slots around `t` towards absorbing `residual`, each by its share. */
  update(t: number, residual: number, alpha: number): void {
    this.locate(t);
    const { left, right, weight } = this;
    this.nudge(left, residual, alpha, 1 - weight);
    this.nudge(right, residual, alpha, weight);
  }

  private nudge(slot: number, residual: number, alpha: number, share: number): void {
    if (share <= 0) return;
    const seen = this.seen[slot] ?? 0;
    this.values[slot] = (this.values[slot] ?? 0) + share * warmAlpha(alpha, seen) * residual;
    this.seen[slot] = seen + share;
  }

  // Result of the last locate(): fields rather than a returned object, as this runs several times per bucket.
  private left = 0;
  private right = 0;
  private weight = 0;

  /** Slot centres sit at half slots: t in [centre_i, centre_i+1) blends slots i and i+1. */
  private locate(t: number): void {
    const period = this.slots * this.slotMs;
    const phase = ((((t + this.offsetMs) % period) + period) % period) / this.slotMs - 0.5;
    const base = Math.floor(phase);
    this.left = ((base % this.slots) + this.slots) % this.slots;
    this.right = (this.left + 1) % this.slots;
    this.weight = phase - base;
  }
}
