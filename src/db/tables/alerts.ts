import type { Generated, Selectable } from 'kysely';
import type { Severity, PolicyStep } from './escalation-policies.js';
import type { Json, JsonDefault } from './json.js';
import type { StoredEvidence } from '../../contract/evidence.js';
import type { AlertStatus } from '../../contract/enums.js';

export type { AlertStatus } from '../../contract/enums.js';
/** Who one escalation step reached: `to` is a name, an email address, a role or a webhook's host. */
export interface NotifiedTarget { channel: 'ws' | 'email' | 'webhook'; kind: 'role' | 'user' | 'email' | 'webhook'; to: string }
export interface PolicySnapshot { id: string | null; name: string; steps: PolicyStep[]; repeat: number }

export interface AlertsTable {
  id: Generated<string>;
  fingerprint: string;
  watchlist_id: string | null;
  kind: string;
  severity: Severity;
  status: Generated<AlertStatus>;
  score: number;
  title: string;
  explanation: Json<Record<string, unknown>>;
  episode_key: string;
  opened_at: Generated<Date>;
  updated_at: Generated<Date>;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  ack_expires_at: Date | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolve_reason: string | null;
  snoozed_until: Date | null;
  episode_ended_at: Date | null;
  incident_id: string | null;
  policy_id: string | null;
  policy_snapshot: Json<PolicySnapshot | null> | null;
  escalation_step: Generated<number>;
  escalation_cycle: Generated<number>;
  escalation_due_at: Date | null;
  escalation_notified: JsonDefault<NotifiedTarget[]>;
  evidence: Json<StoredEvidence | null> | null;
  assignee_id: string | null;
  ack_note: string | null;
  /** The first alert of this alert's group (an incident candidate); null when it leads its own group. */
  group_id: Generated<string | null>;
}
export type AlertRow = Selectable<AlertsTable>;

export interface AlertEventsTable {
  id: Generated<number>;
  alert_id: string;
  at: Generated<Date>;
  type: string;
  actor_id: string | null;
  details: JsonDefault<Record<string, unknown>>;
}
export type AlertEventRow = Selectable<AlertEventsTable>;
