import type { Generated, Selectable } from 'kysely';

export type SignalSeverity = 'low' | 'medium' | 'high' | 'critical';

export interface SignalsTable {
  id: Generated<string>;
  mention_id: number | null;
  user_id: string;
  text: string;
  url: string | null;
  channel: string | null;
  severity: SignalSeverity;
  watchlist_id: string | null;
  watchlist_ids: Generated<string[]>;
  created_at: Generated<Date>;
}
export type SignalRow = Selectable<SignalsTable>;
