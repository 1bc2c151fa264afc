// Reading a newest-first listing (a Reddit search, an Algolia search_by_date, most JSON APIs) until caught
// up with what was read last time, a bounded number of pages per tick. Why this shape: new items arrive at
// the top, so paging down can show an item twice but never skips one; ingest deduplicates. When the page
// budget runs out before reaching the last item read, the next tick resumes from the saved page token
// (the backlog) and only then moves the time cursor, so a long downtime is caught up without a gap.
import type { ValidMention } from '../../ingest/types.js';
import { exhaustedFor, type RateLimit } from './rate-limit.js';

export interface TimedMention { at: number; mention: ValidMention }

export interface ListingPage { items: TimedMention[]; next: string | null; rateLimit?: RateLimit }

/** One listing's resume point: the newest time read (epoch seconds) and, mid catch-up, where to continue. */
export interface ListingCursor { since: number | null; backlog?: { token: string; upper: number } | null }

export interface CatchUpResult {
  mentions: ValidMention[];
  cursor: ListingCursor;
  caughtUp: boolean;
  /** Set when the network's rate-limit budget is spent: seconds before the next request. */
  pauseSeconds: number | null;
  /** Time (epoch seconds) of the newest item seen, for the source's last_event_at. */
  newest: number | null;
}

export interface CatchUpOptions {
  maxPages: number;
  /** A source's first poll reads this many pages only: it listens from now on, it does not import history. */
  firstPollPages: number;
}

export type ReadPage = (token: string | null, since: number | null) => Promise<ListingPage>;

export async function catchUp(read: ReadPage, cursor: ListingCursor, options: CatchUpOptions): Promise<CatchUpResult> {
  const since = cursor.since;
  const budget = since === null ? options.firstPollPages : options.maxPages;
  let token = cursor.backlog?.token ?? null;
  let upper = cursor.backlog?.upper ?? null;
  let newest: number | null = null;
  const mentions: ValidMention[] = [];
  for (let pages = 0; pages < budget; pages += 1) {
    const page = await read(token, since);
    let reachedOld = false;
    for (const item of page.items) {
      if (since !== null && item.at < since) {
        reachedOld = true;
        continue;
      }
      mentions.push(item.mention);
      upper = upper === null ? item.at : Math.max(upper, item.at);
      newest = newest === null ? item.at : Math.max(newest, item.at);
    }
    const pause = exhaustedFor(page.rateLimit);
    const done = reachedOld || !page.next || page.items.length === 0;
    if (done || !page.next) return { mentions, cursor: { since: upper ?? since }, caughtUp: true, pauseSeconds: pause, newest };
    const next = page.next;
    token = next;
    if (pause !== null) return { mentions, cursor: { since, backlog: { token: next, upper: upper ?? since ?? 0 } }, caughtUp: false, pauseSeconds: pause, newest };
  }
  // First poll: what it read is "now"; older history is not imported.
  if (since === null) return { mentions, cursor: { since: upper }, caughtUp: true, pauseSeconds: null, newest };
  return { mentions, cursor: { since, backlog: token ? { token, upper: upper ?? since } : null }, caughtUp: false, pauseSeconds: null, newest };
}
