// The poll connector model shared by reddit, hackernews and json: a connector reads its listings from its
// cursor and returns mentions plus what the poller records (new cursor, caught up or not, a pause the
// network asked for, the newest item's time). The poller does the rest: ingest, health, backoff, disabling.
import type { SourceRow } from '../../db/tables/sources.js';
import type { ValidMention } from '../../ingest/types.js';
import type { SourceSecrets } from '../../sources/secrets.js';
import type { JsonClient } from './http.js';

export interface PollContext {
  source: Pick<SourceRow, 'id' | 'url' | 'config' | 'cursor'>;
  secrets: SourceSecrets;
  now: Date;
  http: JsonClient;
  /** Pages read per tick before handing over to the next tick (catch-up is bounded). */
  maxPages: number;
  userAgent: string;
}

export interface PollResult {
  mentions: ValidMention[];
  cursor: string | null;
  caughtUp: boolean;
  /** The network's rate-limit budget is spent: do not ask again for this many seconds. */
  pauseSeconds: number | null;
  newestAt: Date | null;
  /** Seconds between now and the oldest point not yet read (0 when caught up). */
  lagSeconds: number | null;
  /** Items the network returned that could not be mentions (no text, no id…). */
  skipped: number;
}

export type PollConnector = (ctx: PollContext) => Promise<PollResult>;

/** Cursors are JSON in sources.cursor; an unreadable one (a format change) starts over rather than failing. */
export function readCursor<T extends object>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? { ...fallback, ...(parsed as T) } : fallback;
  } catch {
    return fallback;
  }
}

export function lagOf(since: number | null, caughtUp: boolean, now: Date): number | null {
  if (caughtUp) return 0;
  return since === null ? null : Math.max(0, Math.round(now.getTime() / 1000 - since));
}
