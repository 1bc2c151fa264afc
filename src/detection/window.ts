// Trailing windows over completed buckets, for detectors that look at the last few minutes as a whole
// (sparse signals: a handful of risky posts spread over three buckets is still one burst).

/** Number of buckets covering `minutes` (at least one: the filling bucket itself). */
export function windowBuckets(minutes: number, bucketSeconds: number): number {
  return Math.max(1, Math.round((minutes * 60) / bucketSeconds));
}

/** The last `size` completed values (older ones fall out). Sums are recomputed: exact, no float drift. */
export class Trailing<T> {
  private readonly items: T[] = [];
  private next = 0;

  constructor(private readonly size: number) {}

  push(item: T): void {
    if (this.size <= 0) return;
    if (this.items.length < this.size) this.items.push(item);
    else this.items[this.next] = item;
    this.next = (this.next + 1) % this.size;
  }

  values(): readonly T[] {
    return this.items;
  }

  sum(pick: (item: T) => number): number {
    let total = 0;
    for (const item of this.items) total += pick(item);
    return total;
  }
}
