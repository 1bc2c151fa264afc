import type { Generated, Selectable } from 'kysely';
import type { JsonDefault } from './json.js';

export type SourceKind = 'rss' | 'push' | 'ambassador' | 'replay';

export interface SourcesTable {
  id: Generated<string>;
  kind: SourceKind;
  name: string;
  url: string | null;
  poll_interval_seconds: number | null;
  ingest_token_hash: string | null;
  config: JsonDefault<Record<string, unknown>>;
  enabled: Generated<boolean>;
  disabled_reason: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: Date | null;
  last_success_at: Date | null;
  last_error: string | null;
  consecutive_failures: Generated<number>;
  next_check_at: Date | null;
  items_collected: Generated<number>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
}
export type SourceRow = Selectable<SourcesTable>;
