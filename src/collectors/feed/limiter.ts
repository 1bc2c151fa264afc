// At most N requests at a time to one host, so that a poll cycle with 200 Google News searches does not
// hammer news.google.com (and get the whole instance rate-limited) while other hosts proceed.

interface HostSlots {
  active: number;
  waiting: Array<() => void>;
}

/** The host a URL's requests count against: its hostname, lower-cased (the raw text when unparseable). */
export function hostKey(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}

export class HostLimiter {
  private readonly hosts = new Map<string, HostSlots>();

  constructor(readonly perHost: number) {
    if (!Number.isInteger(perHost) || perHost < 1) throw new RangeError(`perHost must be a positive integer, got ${perHost}`);
  }

  /** Runs fn once the URL's host has a free slot; slots are handed out first come, first served. */
  async run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const key = hostKey(url);
    await this.acquire(key);
    try {
      return await fn();
    } finally {
      this.release(key);
    }
  }

  /** Requests running now for this URL's host. */
  active(url: string): number {
    return this.hosts.get(hostKey(url))?.active ?? 0;
  }

  /** Requests waiting for a slot on this URL's host. */
  waiting(url: string): number {
    return this.hosts.get(hostKey(url))?.waiting.length ?? 0;
  }

  /** Hosts with running or waiting requests (idle hosts are forgotten). */
  get busyHosts(): number {
    return this.hosts.size;
  }

  private acquire(key: string): Promise<void> {
    const slots = this.hosts.get(key) ?? { active: 0, waiting: [] };
    this.hosts.set(key, slots);
    if (slots.active < this.perHost) {
      slots.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => slots.waiting.push(resolve));
  }

  private release(key: string): void {
    const slots = this.hosts.get(key);
    if (!slots) return;
    const next = slots.waiting.shift();
    if (next) {
      next(); // the slot passes straight to the next caller; active stays the same
      return;
    }
    slots.active -= 1;
    if (slots.active === 0) this.hosts.delete(key);
  }
}
