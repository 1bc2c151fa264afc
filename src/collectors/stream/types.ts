// The contract between the stream runtime (leases, cursor, health, reconnects) and one network's connector
// (the wire format). A connector only reads frames and hands over events in order; the runtime decides
// what is committed, when the cursor moves and what happens after a failure.
import type { Logger } from 'pino';
import type { StreamSourceKind } from '../../contract/enums.js';
import type { SourceRow } from '../../db/tables/sources.js';
import type { ValidMention } from '../../ingest/types.js';
import type { Clock } from '../../shared/clock.js';
import type { SourceSecrets } from '../../sources/secrets.js';
import type { AddressPolicy } from '../net/address-guard.js';
import type { Engagement } from './repository.js';

export interface StreamOptions {
  leaseSeconds: number;
  acquireSeconds: number;
  cursorSaveSeconds: number;
  stallSeconds: number;
  maxFrameBytes: number;
  backoffMinMs: number;
  backoffMaxSeconds: number;
  catchUpLagSeconds: number;
  maxSources: number;
  flushMs: number;
  /** Events handed over but not yet stored beyond which connectors pause reading. */
  maxPending: number;
  blueskyUrl: string;
  mastodonPollSeconds: number;
  httpTimeoutMs: number;
  userAgent: string;
}

/** What one event changes: a post to store, a post deleted at the source, engagement of a stored post. */
export interface StreamItem { mention?: ValidMention; deletion?: string; engagement?: Engagement }

export interface StreamContext {
  readonly source: SourceRow;
  readonly secrets: SourceSecrets;
  /** The committed cursor when this connection started (null the first time). */
  readonly cursor: string | null;
  readonly signal: AbortSignal;
  readonly options: StreamOptions;
  readonly policy: AddressPolicy;
  readonly log: Logger;
  readonly clock: Clock;
  /** Resolves after `ms`, or rejects when the connection is stopped. */
  sleep(ms: number): Promise<void>;
  /** True when some watchlist wants this text (match before storing). */
  matches(text: string, lang: 'fr' | 'en' | null): boolean;
  /** The connection is up; `catchingUp` while a backlog is being replayed. */
  connected(catchingUp?: boolean): void;
  /** One event in stream order: the cursor after it, the network's time of it, and what it changes. */
  event(cursor: string, at: Date | null, items?: StreamItem[]): void;
  /** Stores everything handed over so far and moves the committed cursor. */
  flush(): Promise<void>;
  /** Too much handed over and not stored yet: stop reading until flush() resolves. */
  backlogged(): boolean;
  /** Something arrived (a frame, a ping): the connection is not stalled. */
  alive(): void;
  /** A frame was skipped (malformed, oversize, invalid JSON…): counted, logged once per kind. */
  skipped(kind: string, detail?: string): void;
}

export interface StreamConnector {
  kind: StreamSourceKind;
  /** Runs one connection until it ends (resolve) or fails (throw a ConnectorError); honours ctx.signal. */
  run(ctx: StreamContext): Promise<void>;
}
