// Deletes raw mentions older than the retention period in small batches (short transactions, no long
// locks on the big table), keeping the bucket aggregates detection learns from. Old stream events go too.
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.js';
import { deleteEventsBefore } from '../events/repository.js';

export interface RetentionOptions { mentionsDays: number; batchSize: number; eventsDays?: number }

export async function runRetention(db: Kysely<DB>, options: RetentionOptions, logger: Logger, now = new Date()): Promise<{ mentions: number; events: number }> {
  const cutoff = new Date(now.getTime() - options.mentionsDays * 86400_000);
  let mentions = 0;
  for (;;) {
    const res = await sql`DELETE FROM mentions WHERE id IN (
      SELECT id FROM mentions WHERE collected_at < ${cutoff} ORDER BY collected_at LIMIT ${options.batchSize})`.execute(db);
    const n = Number(res.numAffectedRows ?? 0);
    mentions += n;
    if (n < options.batchSize) break;
  }
  const eventsCutoff = new Date(now.getTime() - (options.eventsDays ?? 30) * 86400_000);
  const events = await deleteEventsBefore(db, eventsCutoff);
  logger.info({ mentions, events, cutoff: cutoff.toISOString() }, 'retention done');
  return { mentions, events };
}
