// The scoring thread must give exactly what the main thread gives, watchlists included, and pick up
// watchlist changes. It runs the compiled worker (dist/), which `npm install` / CI builds.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ScoreItem } from '../../src/ingest/types.js';
import { compileWatchlists, createMentionScorer, type WatchlistDefinition } from '../../src/watchlists/matcher.js';
import { createScoringPool } from '../../src/watchlists/scoring-pool.js';

const script = fileURLToPath(new URL('../../dist/watchlists/score-worker.js', import.meta.url));
const texts = [
  'Appel au boycott de Laiterie Morel après le scandale', 'I love the new Morel yogurt!', 'Grève annoncée chez Morel demain',
  'Data breach at Morel? customers furious', 'Rien à voir', 'Morel ne répond pas, c\'est vraiment nul #BoycottMorel',
];

function fixtures(version: string): WatchlistDefinition[] {
  return [
    { id: '00000000-0000-4000-8000-000000000001', version, query: 'morel', risk_terms: [{ term: 'yaourt', weight: 2 }] },
    { id: '00000000-0000-4000-8000-000000000002', version, query: version === 'v1' ? 'boycott*' : 'grève', risk_terms: [] },
  ];
}

describe.skipIf(!existsSync(script))('scoring thread', () => {
  it('scores and aggregates exactly like the calling thread, and follows watchlist changes', async () => {
    let defs = fixtures('v1');
    const inThread = async () => createMentionScorer([...compileWatchlists(defs, new Map(), () => undefined).values()]);
    const definitions = async () => ({ defs, stamp: defs.map((d) => `${d.id}@${d.version}`).join(',') });
    const threaded = createScoringPool({ threads: 1, minBatch: 1, inThread, definitions, logger: pino({ level: 'silent' }) }, script);
    const local = createScoringPool({ threads: 0, minBatch: 1, inThread, definitions, logger: pino({ level: 'silent' }) }, null);
    const start = Date.UTC(2026, 0, 1);
    const items: ScoreItem[] = Array.from({ length: 300 }, (_, i) => ({ text: `${texts[i % texts.length]} ${i}`, lang: null, publishedAt: start + i * 7000 }));
    try {
      const a = await threaded.scoreBatch(items, 300);
      const b = await local.scoreBatch(items, 300);
      expect(a).toEqual(b);
      expect(a.deltas.length).toBeGreaterThan(2);
      expect(a.scored.filter((s) => s.watchlists.some((w) => w.id.endsWith('2'))).length).toBe(100);
      defs = fixtures('v2');
      const c = await threaded.scoreBatch(items, 300);
      expect(c).toEqual(await local.scoreBatch(items, 300));
      expect(c.scored.filter((s) => s.watchlists.some((w) => w.id.endsWith('2'))).length).toBe(50);
    } finally {
      await threaded.close();
    }
  });
});
