// One stream source held by this instance: connect, hand events to ingest in order, commit the cursor only
// after what precedes it is stored, write health every few seconds while renewing the lease, reconnect with
// backoff and jitter, disable on refused credentials. Nothing thrown by a connection escapes the loop.
import type { Logger } from 'pino';
import type { SourceState } from '../../contract/enums.js';
import type { SourceRow } from '../../db/tables/sources.js';
import type { ValidMention } from '../../ingest/types.js';
import { reconnectDelayMs } from './backoff.js';
import { asConnectorError, ConnectorError } from './errors.js';
import { streamRepository as repo, type Engagement } from './repository.js';
import type { RuntimeDeps } from './runtime.js';
import type { StreamConnector, StreamContext, StreamItem } from './types.js';

/** Logs the first occurrence of each kind of trouble per source at warn, the rest at debug. */
export class OncePerKind {
  private readonly seen = new Set<string>();
  constructor(private readonly log: Logger) {}
  report(kind: string, fields: Record<string, unknown>, message: string): void {
    const first = !this.seen.has(kind);
    this.seen.add(kind);
    if (first) this.log.warn({ ...fields, trouble: kind }, `${message} (further ones of this kind are logged at debug level)`);
    else this.log.debug({ ...fields, trouble: kind }, message);
  }
}

export class StreamSession {
  private readonly stopController = new AbortController();
  private readonly log: Logger;
  private readonly once: OncePerKind;
  private committedCursor: string | null;
  private pendingCursor: string | null;
  private buffer: StreamItem[] = [];
  private flushing: Promise<void> | null = null;
  private flushFailure: ConnectorError | null = null;
  private state: SourceState = 'idle';
  private connectedAt: number | null = null;
  private lastEventAt: Date | null = null;
  private lastAliveAt = 0;
  private events = 0;
  private eventsAtLastWrite = 0;
  private lastWriteAt: number;
  private newErrors = 0;
  private lastError: string | null | undefined = undefined;
  private attempt = 0;
  private conn: AbortController | null = null;
  private lostLease = false;
  readonly done: Promise<void>;

  constructor(private source: SourceRow, private readonly connector: StreamConnector, private readonly deps: RuntimeDeps) {
    this.log = deps.logger.child({ sourceId: source.id, kind: source.kind });
    this.once = new OncePerKind(this.log);
    this.committedCursor = source.cursor;
    this.pendingCursor = source.cursor;
    this.lastWriteAt = deps.clock.now().getTime();
    this.done = this.loop().catch((err) => this.log.error({ err }, 'stream session crashed'));
  }

  get id(): string { return this.source.id; }

  /** Graceful stop: store what is pending, save the cursor, give the lease back. */
  async stop(): Promise<void> {
    this.stopController.abort();
    await this.done;
  }

  private get stopped(): boolean { return this.stopController.signal.aborted; }

  private async loop(): Promise<void> {
    const { options } = this.deps;
    const ticker = setInterval(() => void this.tick(), Math.min(1000, options.cursorSaveSeconds * 1000));
    const flusher = setInterval(() => void this.flush().catch(() => undefined), options.flushMs);
    ticker.unref(); flusher.unref();
    try {
      while (!this.stopped && !this.lostLease) {
        const failure = await this.connectOnce();
        if (this.stopped || this.lostLease) break;
        if (failure && (failure.kind === 'auth' || failure.kind === 'config')) {
          await this.disable(failure);
          return;
        }
        const delay = failure ? this.afterFailure(failure) : options.backoffMinMs;
        await this.writeHealth();
        await this.deps.timers.sleep(delay, this.stopController.signal).catch(() => undefined);
      }
    } finally {
      clearInterval(ticker); clearInterval(flusher);
      await this.finish();
    }
  }

  /** One connection; returns the failure that ended it, or null when it ended cleanly. */
  private async connectOnce(): Promise<ConnectorError | null> {
    const conn = new AbortController();
    this.conn = conn;
    const onStop = () => conn.abort(new ConnectorError('network', 'stopped'));
    this.stopController.signal.addEventListener('abort', onStop, { once: true });
    this.lastAliveAt = this.deps.clock.now().getTime();
    this.flushFailure = null;
    let failure: ConnectorError | null = null;
    try {
      const secrets = await this.deps.secrets.open(this.source.secrets);
      await raceAbort(this.connector.run(this.context(conn.signal, secrets)), conn.signal);
      await this.flush();
    } catch (err) {
      failure = conn.signal.aborted && conn.signal.reason instanceof ConnectorError ? conn.signal.reason : asConnectorError(err);
    } finally {
      this.stopController.signal.removeEventListener('abort', onStop);
      conn.abort(new ConnectorError('network', 'connection closed'));
      this.conn = null;
    }
    // Keep what was received before the failure when it can still be stored; otherwise it is replayed.
    if (!this.flushFailure) await this.flush().catch(() => undefined);
    if (this.flushFailure) this.rewind();
    const lasted = this.connectedAt !== null ? this.deps.clock.now().getTime() - this.connectedAt : 0;
    this.connectedAt = null;
    if (lasted > 60_000) this.attempt = 0; // a connection that held a while starts the backoff afresh
    if (this.stopped && failure?.message === 'stopped') return null;
    if (failure?.kind === 'config_changed') return null;
    return failure;
  }

  private context(signal: AbortSignal, secrets: Record<string, string>): StreamContext {
    const { deps } = this;
    return {
      source: this.source, secrets, cursor: this.committedCursor, signal, options: deps.options, policy: deps.policy, log: this.log, clock: deps.clock,
      sleep: (ms) => deps.timers.sleep(ms, signal),
      matches: (text, lang) => deps.filter.matches(text, lang),
      connected: (catchingUp = false) => {
        this.connectedAt ??= deps.clock.now().getTime();
        this.state = catchingUp ? 'catching_up' : 'connected';
        this.alive();
      },
      event: (cursor, at, items) => {
        if (signal.aborted) return;
        this.events++;
        this.pendingCursor = cursor;
        if (at) this.lastEventAt = at;
        if (items) for (const item of items) this.buffer.push(item);
        this.deps.metrics?.connectorEvents.inc({ kind: this.source.kind });
      },
      flush: () => this.flush(),
      backlogged: () => this.buffer.length >= deps.options.maxPending,
      alive: () => this.alive(),
      skipped: (kind, detail) => {
        this.newErrors++;
        this.deps.metrics?.connectorErrors.inc({ source_id: this.source.id, kind: this.source.kind, reason: kind });
        this.once.report(kind, { detail }, 'frame skipped');
      },
    };
  }

  private alive(): void { this.lastAliveAt = this.deps.clock.now().getTime(); }

  /** Stores the buffered items in order, then commits the cursor of the last event handed over before them. */
  flush(): Promise<void> {
    if (this.flushing) return this.flushing.then(() => (this.buffer.length || this.pendingCursor !== this.committedCursor ? this.flush() : undefined));
    if (this.buffer.length === 0 && this.pendingCursor === this.committedCursor) return Promise.resolve();
    const items = this.buffer;
    const cursor = this.pendingCursor;
    this.buffer = [];
    this.flushing = this.store(items).then(
      () => { if (!this.flushFailure) this.committedCursor = cursor; },
      (err: unknown) => {
        this.flushFailure = new ConnectorError('storage', `could not store stream events: ${(err as Error).message}`);
        this.conn?.abort(this.flushFailure); // reconnect from the committed cursor; the events are replayed
        throw this.flushFailure;
      },
    ).finally(() => { this.flushing = null; });
    return this.flushing;
  }

  private async store(items: StreamItem[]): Promise<void> {
    if (this.flushFailure) throw this.flushFailure;
    const mentions: ValidMention[] = []; const deletions: string[] = []; const engagement: Engagement[] = [];
    for (const item of items) {
      if (item.mention) mentions.push(item.mention);
      if (item.deletion) deletions.push(item.deletion);
      if (item.engagement) engagement.push(item.engagement);
    }
    const { db, ingest } = this.deps;
    if (mentions.length) await ingest.store({ id: this.source.id, kind: this.source.kind }, mentions);
    if (engagement.length) await repo.raiseEngagement(db, this.source.id, engagement);
    if (deletions.length) await repo.markDeleted(db, this.source.id, deletions, this.deps.clock.now());
  }

  /** After a failed store: forget what was not committed; the reconnect replays it from the cursor. */
  private rewind(): void {
    this.buffer = [];
    this.pendingCursor = this.committedCursor;
  }

  private afterFailure(failure: ConnectorError): number {
    const { options } = this.deps;
    this.newErrors++;
    this.lastError = failure.message;
    this.state = 'backing_off';
    this.deps.metrics?.connectorErrors.inc({ source_id: this.source.id, kind: this.source.kind, reason: failure.kind });
    const delay = reconnectDelayMs(this.attempt++, { minMs: options.backoffMinMs, maxMs: options.backoffMaxSeconds * 1000 }, Math.random, failure.retryAfterSeconds);
    this.once.report(failure.kind, { error: failure.message, retryInMs: delay, attempt: this.attempt }, 'stream connection failed; reconnecting');
    return delay;
  }

  /** Every second: stall detection; every cursorSaveSeconds: lease renewal and health. */
  private async tick(): Promise<void> {
    const now = this.deps.clock.now().getTime();
    const { options } = this.deps;
    if (this.conn && this.connectedAt !== null && now - this.lastAliveAt > options.stallSeconds * 1000) {
      this.conn.abort(new ConnectorError('stall', `no frame for ${options.stallSeconds} s`));
    }
    if (now - this.lastWriteAt >= options.cursorSaveSeconds * 1000) await this.writeHealth();
  }

  private async writeHealth(): Promise<void> {
    const { db, clock, options } = this.deps;
    const now = clock.now();
    try {
      const renewed = await repo.renew(db, this.source.id, this.deps.owner, now, options.leaseSeconds);
      if (!renewed) return this.leaseLost();
      const changed = renewed.url !== this.source.url || JSON.stringify(renewed.config) !== JSON.stringify(this.source.config) || renewed.secrets !== this.source.secrets;
      this.source = { ...renewed, cursor: this.source.cursor };
      // Edited by an administrator: the next connection uses the new settings (same cursor).
      if (changed) this.conn?.abort(new ConnectorError('config_changed', 'the source was edited; reconnecting'));
      const elapsed = Math.max(0.001, (now.getTime() - this.lastWriteAt) / 1000);
      const eps = (this.events - this.eventsAtLastWrite) / elapsed;
      const lag = this.lastEventAt ? Math.max(0, (now.getTime() - this.lastEventAt.getTime()) / 1000) : null;
      const state = this.currentState(lag);
      const health = { state, cursor: this.committedCursor, lastEventAt: this.lastEventAt, lagSeconds: lag, eventsPerSecond: round(eps), newErrors: this.newErrors, lastError: this.lastError };
      if (!(await repo.saveHealth(db, this.source.id, this.deps.owner, health, now))) return this.leaseLost();
      this.lastWriteAt = now.getTime();
      this.eventsAtLastWrite = this.events;
      this.newErrors = 0;
      if (state === 'connected') this.lastError = null; else this.lastError = undefined;
      this.deps.gauges.set(this.source, state, lag, eps);
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'could not save the stream cursor and health; will retry');
    }
  }

  /** A connection that is up but far behind the network's clock is catching up (replaying from the cursor). */
  private currentState(lag: number | null): SourceState {
    if (this.state === 'connected' && lag !== null && lag > this.deps.options.catchUpLagSeconds) return 'catching_up';
    return this.state;
  }

  private leaseLost(): void {
    if (this.lostLease) return;
    this.lostLease = true;
    this.log.info('stream lease lost (source disabled, deleted or taken over); closing the connection');
    this.conn?.abort(new ConnectorError('network', 'stopped'));
    this.stopController.abort();
  }

  private async disable(failure: ConnectorError): Promise<void> {
    const reason = failure.message;
    this.deps.metrics?.connectorErrors.inc({ source_id: this.source.id, kind: this.source.kind, reason: failure.kind });
    this.log.warn({ error: failure.message }, 'stream source disabled');
    try {
      await repo.saveHealth(this.deps.db, this.source.id, this.deps.owner, { state: 'disabled', cursor: this.committedCursor, lastEventAt: this.lastEventAt, lagSeconds: null, eventsPerSecond: 0, newErrors: this.newErrors }, this.deps.clock.now());
      await repo.disable(this.deps.db, this.source.id, this.deps.owner, reason, this.deps.clock.now());
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'could not disable the source');
    }
    this.deps.gauges.set(this.source, 'disabled', null, 0);
    this.state = 'disabled';
  }

  private async finish(): Promise<void> {
    if (this.state === 'disabled') return;
    if (!this.lostLease) {
      await this.flush().catch(() => undefined);
      this.connectedAt = null;
      this.state = 'idle';
      await this.writeHealth();
    }
    try {
      // Also after a lost lease: when it was lost because the source was disabled, this frees it at once.
      await repo.release(this.deps.db, this.source.id, this.deps.owner);
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'could not release the stream lease; it expires by itself');
    }
    this.deps.gauges.remove(this.source);
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Resolves or rejects with the connector, or rejects as soon as the connection is aborted (stall, stop). */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
