import type { SourceRow } from '../db/tables/sources.js';

export interface SourceView {
  id: string; kind: string; name: string; url: string | null; poll_interval_seconds: number | null; enabled: boolean;
  disabled_reason: string | null; last_polled_at: string | null; last_success_at: string | null; last_error: string | null;
  consecutive_failures: number; next_check_at: string | null; items_collected: number; created_at: string;
  config: Record<string, unknown>; ingest_token?: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function sourceView(s: SourceRow): SourceView {
  return {
    id: s.id, kind: s.kind, name: s.name, url: s.url, poll_interval_seconds: s.poll_interval_seconds, enabled: s.enabled,
    disabled_reason: s.disabled_reason, last_polled_at: iso(s.last_polled_at), last_success_at: iso(s.last_success_at),
    last_error: s.last_error, consecutive_failures: s.consecutive_failures, next_check_at: iso(s.next_check_at),
    items_collected: Number(s.items_collected), created_at: s.created_at.toISOString(), config: s.config ?? {},
  };
}
