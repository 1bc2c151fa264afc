// The stream runtime of one instance: every few seconds it leases enabled stream sources that nobody holds
// (or whose holder stopped renewing: a dead instance's sources are taken over within the lease time) and runs
// one session per source. Exactly one instance holds a source at a time; stopping gives the leases back.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { SourceState, StreamSourceKind } from '../../contract/enums.js';
import type { DB } from '../../db/schema.js';
import type { SourceRow } from '../../db/tables/sources.js';
import type { IngestService } from '../../ingest/pipeline.js';
import type { Metrics } from '../../observability/metrics.js';
import type { Clock } from '../../shared/clock.js';
import type { SecretBox } from '../../sources/secrets.js';
import type { AddressPolicy } from '../net/address-guard.js';
import { streamRepository } from './repository.js';
import { StreamSession } from './session.js';
import type { Timers } from './timers.js';
import type { StreamConnector, StreamOptions } from './types.js';
import type { WatchlistFilter } from './watchlist-filter.js';

export interface StreamRuntimeOptions {
  db: Kysely<DB>;
  logger: Logger;
  metrics?: Metrics;
  clock: Clock;
  timers: Timers;
  ingest: IngestService;
  secrets: SecretBox;
  policy: AddressPolicy;
  options: StreamOptions;
  filter: WatchlistFilter;
  connectors: Partial<Record<StreamSourceKind, StreamConnector>>;
  /** This instance's name in the lease column (random by default). */
  owner?: string;
}

/** What sessions need from the runtime. */
export interface RuntimeDeps extends StreamRuntimeOptions { owner: string; gauges: HealthGauges }

export interface HealthGauges {
  set(source: SourceRow, state: SourceState, lag: number | null, eps: number): void;
  remove(source: SourceRow): void;
}

function healthGauges(metrics: Metrics | undefined): HealthGauges {
  return {
    set(source, state, lag, eps) {
      if (!metrics) return;
      const labels = { source_id: source.id, kind: source.kind };
      for (const s of ['connected', 'catching_up', 'backing_off', 'disabled', 'idle'] as const) metrics.connectorState.set({ ...labels, state: s }, s === state ? 1 : 0);
      if (lag !== null) metrics.connectorLag.set(labels, lag);
      metrics.connectorEventsPerSecond.set(labels, eps);
    },
    remove(source) {
      if (!metrics) return;
      const labels = { source_id: source.id, kind: source.kind };
      for (const s of ['connected', 'catching_up', 'backing_off', 'disabled', 'idle'] as const) metrics.connectorState.remove({ ...labels, state: s });
      metrics.connectorLag.remove(labels);
      metrics.connectorEventsPerSecond.remove(labels);
    },
  };
}

export function createStreamRuntime(opts: StreamRuntimeOptions) {
  const owner = opts.owner ?? `${process.pid}-${randomBytes(6).toString('hex')}`;
  const deps: RuntimeDeps = { ...opts, owner, gauges: healthGauges(opts.metrics) };
  const log = opts.logger.child({ component: 'stream-runtime', owner });
  const sessions = new Map<string, StreamSession>();
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  let ticking: Promise<void> | null = null;

  async function acquire(): Promise<void> {
    if (stopping) return;
    const room = opts.options.maxSources - sessions.size;
    if (room <= 0) return;
    const rows = await streamRepository.acquire(opts.db, owner, opts.clock.now(), opts.options.leaseSeconds, room);
    for (const row of rows) {
      if (sessions.has(row.id) || stopping) continue;
      const connector = opts.connectors[row.kind as StreamSourceKind];
      if (!connector) { log.warn({ sourceId: row.id, kind: row.kind }, 'no stream connector for this kind'); continue; }
      log.info({ sourceId: row.id, kind: row.kind, cursor: row.cursor }, 'stream source leased');
      const session = new StreamSession(row, connector, deps);
      sessions.set(row.id, session);
      void session.done.finally(() => { if (sessions.get(row.id) === session) sessions.delete(row.id); });
    }
  }

  /** One look for free stream sources (also called by tests instead of waiting for the timer). */
  function tick(): Promise<void> {
    ticking ??= acquire().catch((err) => log.warn({ err: (err as Error).message }, 'could not lease stream sources')).finally(() => { ticking = null; });
    return ticking;
  }

  return {
    owner,
    async start(): Promise<void> {
      stopping = false;
      await opts.filter.start();
      await tick();
      timer ??= setInterval(() => void tick(), opts.options.acquireSeconds * 1000);
      timer.unref();
    },
    tick,
    /** Source ids this instance holds a connection for. */
    held: (): string[] => [...sessions.keys()],
    async stop(): Promise<void> {
      stopping = true;
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
      await Promise.all([...sessions.values()].map((s) => s.stop()));
      sessions.clear();
      opts.filter.stop();
    },
  };
}

export type StreamRuntime = ReturnType<typeof createStreamRuntime>;
