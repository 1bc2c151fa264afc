import type { ColumnType, Generated, Selectable } from 'kysely';
import type { LinkPreview } from './ambassador.js';

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
  client_id: string | null;
  preview: ColumnType<LinkPreview | null, string | null | undefined, string | null>;
  preview_error: string | null;
}
export type SignalRow = Selectable<SignalsTable>;
