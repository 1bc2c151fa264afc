// Retention of raw mentions: whole weekly partitions older than the period are dropped (no row-by-row
// delete, no bloat), then the few older rows left in the week straddling the cutoff and in the default
// partition are deleted in small batches (short transactions). Dedupe keys older than the same cutoff
// go too, so a re-delivery is recognised exactly as long as its mention is kept. Bucket aggregates,
// which detection learns from, are kept. Old stream events go as well.
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.js';
import { deleteEventsBefore } from '../events/repository.js';
import { dropPartitionsBefore } from '../mentions/partitions.js';

export interface RetentionOptions { mentionsDays: number; batchSize: number; eventsDays?: number }

export async function runRetention(db: Kysely<DB>, options: RetentionOptions, logger: Logger, now: Date): Promise<{ mentions: number; events: number; partitions: string[] }> {
  const cutoff = new Date(now.getTime() - options.mentionsDays * 86400_000);
  const dropped = await dropPartitionsBefore(db, cutoff);
  // Stray rows (the default partition, PGlite's plain table) and expired dedupe keys go in short batches.
  const mentions = dropped.mentions + await deleteInBatches(options.batchSize, (limit) => sql`DELETE FROM mentions WHERE (id, collected_at) IN (
      SELECT id, collected_at FROM mentions WHERE collected_at < ${cutoff} ORDER BY collected_at LIMIT ${limit})`.execute(db));
  const keys = await deleteInBatches(options.batchSize, (limit) => sql`DELETE FROM mention_keys WHERE (source_id, external_id) IN (
      SELECT source_id, external_id FROM mention_keys WHERE collected_at < ${cutoff} ORDER BY collected_at LIMIT ${limit})`.execute(db));
  const eventsCutoff = new Date(now.getTime() - (options.eventsDays ?? 30) * 86400_000);
  const events = await deleteEventsBefore(db, eventsCutoff);
  logger.info({ mentions, partitions: dropped.partitions, keys, events, cutoff: cutoff.toISOString() }, 'retention done');
  return { mentions, events, partitions: dropped.partitions };
}

/** Runs a batch delete until a batch comes back short; returns how many rows went. */
async function deleteInBatches(batchSize: number, deleteBatch: (limit: number) => Promise<{ numAffectedRows?: bigint }>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = Number((await deleteBatch(batchSize)).numAffectedRows ?? 0);
    total += n;
    if (n < batchSize) return total;
  }
}
