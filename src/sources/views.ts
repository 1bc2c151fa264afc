import type { SourceRow } from '../db/tables/sources.js';
import type { SourceState } from '../contract/enums.js';

export interface SourceHealth {
  state: SourceState; last_event_at: string | null; lag_seconds: number | null; events_per_second: number | null; error_count: number;
}

export interface SourceView extends SourceHealth {
  id: string; kind: string; name: string; url: string | null; poll_interval_seconds: number | null; enabled: boolean;
  disabled_reason: string | null; last_polled_at: string | null; last_success_at: string | null; last_error: string | null;
  consecutive_failures: number; next_check_at: string | null; items_collected: number; created_at: string;
  config: Record<string, unknown>;
  /** Names of the secret fields that hold a value (the values never leave the server). */
  secrets_set: string[];
  ingest_token?: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function sourceView(s: SourceRow, secretNames: string[] = []): SourceView {
  return {
    id: s.id, kind: s.kind, name: s.name, url: s.url, poll_interval_seconds: s.poll_interval_seconds, enabled: s.enabled,
    disabled_reason: s.disabled_reason, last_polled_at: iso(s.last_polled_at), last_success_at: iso(s.last_success_at),
    last_error: s.last_error, consecutive_failures: s.consecutive_failures, next_check_at: iso(s.next_check_at),
    items_collected: Number(s.items_collected), created_at: s.created_at.toISOString(), config: s.config ?? {},
    secrets_set: [...secretNames].sort(),
    // A disabled source reads as disabled whatever its connector last wrote.
    state: s.enabled ? s.state : 'disabled', last_event_at: iso(s.last_event_at),
    lag_seconds: s.lag_seconds === null ? null : Number(s.lag_seconds),
    events_per_second: s.events_per_second === null ? null : Number(s.events_per_second), error_count: Number(s.error_count),
  };
}
