// The alert as the API, the stream and the notifiers see it.
import type { AlertRow } from '../db/tables/alerts.js';

export interface AlertView {
  id: string; watchlist_id: string | null; watchlist_name: string | null; kind: string; severity: string; status: string;
  score: number; title: string; opened_at: string; updated_at: string;
  acknowledged_at: string | null; acknowledged_by: { id: string; name: string } | null; ack_expires_at: string | null;
  resolved_at: string | null; resolved_by: { id: string; name: string } | null; resolve_reason: string | null;
  snoozed_until: string | null; incident_id: string | null; episode_key: string; episode_ended_at: string | null;
  escalation: { policy_name: string; step: number; cycle: number; next_at: string | null } | null;
  explanation: Record<string, unknown>;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function alertView(a: AlertRow, names: { watchlists: Map<string, string>; users: Map<string, string> }): AlertView {
  const who = (id: string | null) => (id ? { id, name: names.users.get(id) ?? 'unknown' } : null);
  return {
    id: a.id, watchlist_id: a.watchlist_id, watchlist_name: a.watchlist_id ? names.watchlists.get(a.watchlist_id) ?? null : null,
    kind: a.kind, severity: a.severity, status: a.status, score: a.score, title: a.title,
    opened_at: a.opened_at.toISOString(), updated_at: a.updated_at.toISOString(),
    acknowledged_at: iso(a.acknowledged_at), acknowledged_by: who(a.acknowledged_by), ack_expires_at: iso(a.ack_expires_at),
    resolved_at: iso(a.resolved_at), resolved_by: who(a.resolved_by), resolve_reason: a.resolve_reason,
    snoozed_until: iso(a.snoozed_until), incident_id: a.incident_id, episode_key: a.episode_key, episode_ended_at: iso(a.episode_ended_at),
    escalation: a.policy_snapshot ? { policy_name: a.policy_snapshot.name, step: a.escalation_step, cycle: a.escalation_cycle, next_at: iso(a.escalation_due_at) } : null,
    explanation: a.explanation,
  };
}
