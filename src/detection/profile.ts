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
    const { left, right, weight } = this.locate(t);
    return (1 - weight) * (this.values[left] ?? 0) + weight * (this.values[right] ?? 0);
  }

  /** Observations absorbed around `t` (fractional: each update is shared by two slots). */
  observations(t: number): number {
    const { left, right, weight } = this.locate(t);
    return (1 - weight) * (this.seen[left] ?? 0) + weight * (this.seen[right] ?? 0);
  }

  /** Moves the two slots around `t` towards absorbing `residual`, each by its share. */
  update(t: number, residual: number, alpha: number): void {
    const { left, right, weight } = this.locate(t);
    this.nudge(left, residual, alpha, 1 - weight);
    this.nudge(right, residual, alpha, weight);
  }

  private nudge(slot: number, residual: number, alpha: number, share: number): void {
    if (share <= 0) return;
    const seen = this.seen[slot] ?? 0;
    this.values[slot] = (this.values[slot] ?? 0) + share * warmAlpha(alpha, seen) * residual;
    this.seen[slot] = seen + share;
  }

  /** Slot centres sit at half slots: t in [centre_i, centre_i+1) blends slots i and i+1. */
  private locate(t: number): { left: number; right: number; weight: number } {
    const period = this.slots * this.slotMs;
    const phase = ((((t + this.offsetMs) % period) + period) % period) / this.slotMs - 0.5;
    const base = Math.floor(phase);
    const left = ((base % this.slots) + this.slots) % this.slots;
    return { left, right: (left + 1) % this.slots, weight: phase - base };
  }
}
