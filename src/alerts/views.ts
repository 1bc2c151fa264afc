// The alert as the API, the stream and the notifiers see it.
import type { AlertRow, NotifiedTarget } from '../db/tables/alerts.js';
import { alertWording, type Wording } from './wording.js';

/**
 * Where the policy stands. `step` is the stored position (the next step to run); `current_step` is the
 * 1-based number of the last step that ran in this cycle (0 before the first), never above `steps_total`.
 */
export interface EscalationView {
  policy_name: string; step: number; cycle: number; next_at: string | null;
  current_step: number; steps_total: number; notified: NotifiedTarget[];
}

export interface AlertView {
  id: string; watchlist_id: string | null; watchlist_name: string | null; kind: string; severity: string; status: string;
  score: number; title: string; opened_at: string; updated_at: string;
  acknowledged_at: string | null; acknowledged_by: { id: string; name: string } | null; ack_expires_at: string | null;
  resolved_at: string | null; resolved_by: { id: string; name: string } | null; resolve_reason: string | null;
  snoozed_until: string | null; incident_id: string | null; episode_key: string; episode_ended_at: string | null;
  /** Triage: who owns it, what the acknowledger wrote, and its group (the id of the group's first alert). */
  assignee: { id: string; name: string } | null; ack_note: string | null; group_id: string;
  escalation: EscalationView | null;
  explanation: Record<string, unknown>;
  /** The summary as a message key and parameters, worded by each interface language (see wording.ts). */
  wording: Wording | null;
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
    assignee: who(a.assignee_id), ack_note: a.ack_note, group_id: a.group_id ?? a.id,
    escalation: escalationView(a),
    explanation: a.explanation,
    wording: alertWording(a.kind, a.explanation),
  };
}

export function escalationView(a: AlertRow): EscalationView | null {
  const policy = a.policy_snapshot;
  if (!policy) return null;
  const total = policy.steps.length;
  // The stored step is the next one to run; after the last step it is one past the end (hence "step 3 of 2"
  // once). A new cycle starts at 0 with the whole previous cycle run.
  const ran = Math.min(a.escalation_step, total);
  const current = ran === 0 && a.escalation_cycle > 0 ? total : ran;
  return {
    policy_name: policy.name, step: a.escalation_step, cycle: a.escalation_cycle, next_at: iso(a.escalation_due_at),
    current_step: current, steps_total: total, notified: a.escalation_notified ?? [],
  };
}

/** The users an alert view names: who acknowledged, resolved and owns it. */
export function peopleOf(a: AlertRow): string[] {
  return [a.acknowledged_by, a.resolved_by, a.assignee_id].filter((x): x is string => !!x);
}
