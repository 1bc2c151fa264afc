import type { Generated, Selectable } from 'kysely';
import type { JsonDefault } from './json.js';

import type { SourceKind, SourceState } from '../../contract/enums.js';

export type { SourceKind } from '../../contract/enums.js';

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
  /** Connector-specific resume point (Jetstream time_us, a since-id, a created_at_i…). */
  cursor: string | null;
  /** Encrypted JSON of the secret configuration; never leaves the server. */
  secrets: string | null;
  lease_owner: string | null;
  lease_expires_at: Date | null;
  state: Generated<SourceState>;
  last_event_at: Date | null;
  lag_seconds: number | null;
  events_per_second: number | null;
  error_count: Generated<number>;
}
export type SourceRow = Selectable<SourcesTable>;
