import type { Generated, Selectable } from 'kysely';
import type { JsonDefault } from './json.js';

export interface RiskTermRow { term: string; weight: number }

export interface WatchlistsTable {
  id: Generated<string>;
  name: string;
  query: string;
  risk_terms: JsonDefault<RiskTermRow[]>;
  enabled: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
}
export type WatchlistRow = Selectable<WatchlistsTable>;
