import type { Generated, Selectable } from 'kysely';

export interface WatchlistBackfillsTable {
  watchlist_id: string;
  since: Date;
  until_id: number | null;
  cursor_id: Generated<number>;
  scanned: Generated<number>;
  matched: Generated<number>;
  not_before: Date;
  created_at: Generated<Date>;
  finished_at: Date | null;
}
export type WatchlistBackfillRow = Selectable<WatchlistBackfillsTable>;
