// A scoring thread: keeps the watchlists compiled and scores batches sent by the main thread, so the
// event loop that serves HTTP and websockets never stalls on a 5,000-mention batch.
import { parentPort } from 'node:worker_threads';
import type { MentionScorer } from '../ingest/types.js';
import { scoreAndAggregate, type ScoreItem } from './scoring-pool.js';
import { compileWatchlists, createMentionScorer, type CompiledWatchlist, type WatchlistDefinition } from './matcher.js';

export interface ScoreRequest { id: number; stamp: string; defs?: WatchlistDefinition[]; items: ScoreItem[]; bucketSeconds: number }

let stamp = '';
let compiled = new Map<string, CompiledWatchlist>();
let scorer: MentionScorer = createMentionScorer([]);

parentPort?.on('message', (req: ScoreRequest) => {
  try {
    if (req.stamp !== stamp) {
      if (!req.defs) return parentPort!.postMessage({ id: req.id, needDefs: true });
      compiled = compileWatchlists(req.defs, compiled, () => undefined);
      scorer = createMentionScorer([...compiled.values()]);
      stamp = req.stamp;
    }
    parentPort!.postMessage({ id: req.id, results: scoreAndAggregate(scorer, req.items, req.bucketSeconds) });
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: (err as Error).message });
  }
});
