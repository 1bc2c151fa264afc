// Scores ingest batches on worker threads. Small batches stay on the main thread (messaging would cost
// more than it saves); large ones go to a thread, so a big push does not block the event loop that
// serves the stream and health checks. Workers receive the watchlist definitions only when they change.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { bucketDeltas } from '../ingest/buckets.js';
import type { MentionScorer, ScoreBatch, ScoredBatch, ScoreItem } from '../ingest/types.js';
import type { WatchlistDefinition } from './matcher.js';
import type { ScoreRequest } from './score-worker.js';

export type { ScoreBatch, ScoreItem, ScoredBatch } from '../ingest/types.js';

/** Shared by the calling thread and the scoring threads. */
export function scoreAndAggregate(scorer: MentionScorer, items: readonly ScoreItem[], bucketSeconds: number): ScoredBatch {
  const scored = items.map((i) => scorer.score(i.text, i.lang, i.forced));
  const deltas = bucketDeltas(items.map((item, i) => ({ id: i, publishedAt: item.publishedAt, signal: item.signal, reach: item.reach, scored: scored[i]! })), bucketSeconds);
  return { scored, deltas };
}

interface Pending { resolve: (r: ScoredBatch) => void; reject: (e: Error) => void; request: ScoreRequest; defs: WatchlistDefinition[] }

export interface ScoringPoolOptions {
  threads: number;
  /** Batches smaller than this are scored in the calling thread. */
  minBatch: number;
  inThread: () => Promise<MentionScorer>;
  definitions: () => Promise<{ defs: WatchlistDefinition[]; stamp: string }>;
  logger: Logger;
}

/** The compiled worker script, when running from dist/ (tests run the TypeScript sources in-thread). */
export function workerScript(): string | null {
  const url = new URL('./score-worker.js', import.meta.url);
  return url.pathname.endsWith('.js') && existsSync(url) && import.meta.url.endsWith('.js') ? url.pathname : null;
}

export function createScoringPool(options: ScoringPoolOptions, script = workerScript()): { scoreBatch: ScoreBatch; close(): Promise<void> } {
  const inThread: ScoreBatch = async (items, bucketSeconds) => scoreAndAggregate(await options.inThread(), items, bucketSeconds);
  if (!script || options.threads <= 0) return { scoreBatch: inThread, close: async () => undefined };

  let nextId = 1;
  let turn = 0;
  const pending = new Map<number, Pending>();
  const dead = new Set<Worker>();
  const workers = Array.from({ length: options.threads }, () => {
    const worker = new Worker(script);
    worker.unref();
    worker.on('exit', () => dead.add(worker));
    worker.on('message', (msg: { id: number; results?: ScoredBatch; error?: string; needDefs?: boolean }) => {
      const p = pending.get(msg.id);
      if (!p) return;
      if (msg.needDefs) return void worker.postMessage({ ...p.request, defs: p.defs });
      pending.delete(msg.id);
      if (msg.results) p.resolve(msg.results); else p.reject(new Error(msg.error ?? 'scoring thread failed'));
    });
    worker.on('error', (err) => {
      options.logger.error({ err }, 'scoring thread crashed; failing its batches');
      for (const [id, p] of pending) { pending.delete(id); p.reject(err); }
    });
    return worker;
  });

  return {
    async scoreBatch(items, bucketSeconds) {
      if (items.length < options.minBatch) return inThread(items, bucketSeconds);
      const alive = workers.filter((w) => !dead.has(w));
      // A crashed thread is not replaced: scoring carries on in this thread rather than failing ingest.
      if (alive.length === 0) return inThread(items, bucketSeconds);
      const { defs, stamp } = await options.definitions();
      const request: ScoreRequest = { id: nextId++, stamp, items, bucketSeconds };
      const worker = alive[turn++ % alive.length]!;
      return new Promise<ScoredBatch>((resolve, reject) => {
        pending.set(request.id, { resolve, reject, request, defs });
        worker.postMessage(request);
      });
    },
    async close() { await Promise.all(workers.map((w) => w.terminate())); },
  };
}
