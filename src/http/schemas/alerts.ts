import { Type } from 'typebox';
import { ALERT_SORTS, AlertKindSchema, AlertStatusSchema, IncidentPhaseSchema, SeveritySchema } from '../../contract/enums.js';
import { Nullable, NullableTimestamp, Timestamp, Uuid } from './common.js';
import { MentionSchema } from './mentions.js';
import { AlertEvidenceSchema } from '../../contract/evidence.js';

const Who = Nullable(Type.Object({ id: Uuid, name: Type.String() }));
export { AlertStatusSchema };

export const ExplanationSchema = Type.Object({
  summary: Type.String(), observed: Type.Number(), expected: Type.Number(), factor: Type.Number(),
  window: Type.Object({ start: Type.String(), end: Type.String() }),
  top_terms: Type.Array(Type.String()), sample_mention_ids: Type.Array(Type.String()),
  details: Type.Optional(Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()]))),
});

const NotifiedSchema = Type.Object({
  channel: Type.Union([Type.Literal('ws'), Type.Literal('email'), Type.Literal('webhook')]),
  kind: Type.Union([Type.Literal('role'), Type.Literal('user'), Type.Literal('email'), Type.Literal('webhook')]), to: Type.String(),
});

export const AlertSchema = Type.Object({
  id: Uuid, watchlist_id: Nullable(Uuid), watchlist_name: Nullable(Type.String()), kind: Type.String(),
  severity: Type.String(), status: AlertStatusSchema, score: Type.Number(), title: Type.String(),
  opened_at: Timestamp, updated_at: Timestamp, acknowledged_at: NullableTimestamp, acknowledged_by: Who, ack_expires_at: NullableTimestamp,
  resolved_at: NullableTimestamp, resolved_by: Who, resolve_reason: Nullable(Type.String()), snoozed_until: NullableTimestamp,
  incident_id: Nullable(Uuid), episode_key: Type.String(), episode_ended_at: NullableTimestamp,
  assignee: Who, ack_note: Nullable(Type.String({ description: 'what the acknowledger wrote' })),
  group_id: Type.String({ format: 'uuid', description: 'the id of the first alert of its group: related alerts of one watchlist and episode window (an incident candidate)' }),
  escalation: Nullable(Type.Object({
    policy_name: Type.String(), step: Type.Integer({ description: 'stored position: the next step to run' }), cycle: Type.Integer(), next_at: NullableTimestamp,
    current_step: Type.Integer({ description: '1-based number of the last step that ran in this cycle (0 before the first)' }), steps_total: Type.Integer(),
    notified: Type.Array(NotifiedSchema, { description: 'who the last step reached, on which channel' }),
  })),
  explanation: ExplanationSchema,
  wording: Nullable(Type.Object({
    key: Type.String({ description: 'message key of the summary, e.g. alert_summary.volume_spike' }),
    params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  }, { description: 'The summary as a key and parameters, for interfaces that word it in their own language (title and explanation.summary stay English)' })),
}, { $id: 'Alert' });

export const NotificationSchema = Type.Object({
  id: Uuid, channel: Type.String(), recipient: Type.String(), status: Type.String(), attempts: Type.Integer(),
  last_error: Nullable(Type.String()), sent_at: NullableTimestamp, created_at: Timestamp, step_index: Nullable(Type.Integer()),
  alert_id: Type.Optional(Nullable(Uuid)), talking_point_id: Type.Optional(Nullable(Uuid)),
});

export const AlertDetailSchema = Type.Object({
  ...AlertSchema.properties,
  timeline: Type.Array(Type.Object({ id: Type.Integer(), at: Timestamp, type: Type.String(), actor: Who, details: Type.Record(Type.String(), Type.Unknown()) })),
  notifications: Type.Array(NotificationSchema),
  samples: Type.Array(MentionSchema),
  evidence: Nullable(AlertEvidenceSchema),
});

export const AlertQuery = Type.Object({
  status: Type.Optional(Type.String({ pattern: '^(open|acknowledged|resolved|snoozed)(,(open|acknowledged|resolved|snoozed))*$', description: 'comma-separated statuses' })),
  watchlist_id: Type.Optional(Uuid), kind: Type.Optional(AlertKindSchema), severity: Type.Optional(SeveritySchema),
  assignee_id: Type.Optional(Type.Union([Uuid, Type.Literal('none')], { description: 'a user id, or "none" for alerts nobody owns' })),
  group_id: Type.Optional(Type.String({ format: 'uuid', description: 'the alerts of one group' })),
  incident_id: Type.Optional(Uuid), since: Type.Optional(Type.String({ format: 'date-time' })),
  sort: Type.Optional(Type.Enum(ALERT_SORTS, { description: 'severity (default): by severity then newest first; recent: newest first' })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

export const AssignBody = Type.Object({
  assignee_id: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'a crisis or admin user, or null to unassign' }),
}, { additionalProperties: false });

export { IncidentPhaseSchema };
export const IncidentSchema = Type.Object({
  id: Uuid, title: Type.String(), summary: Nullable(Type.String()), status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  phase: IncidentPhaseSchema, declared_by: Who, commander: Who, comms_lead: Who,
  created_at: Timestamp, updated_at: Timestamp, closed_at: NullableTimestamp, alert_ids: Type.Array(Uuid),
}, { $id: 'Incident' });
export const IncidentTimelineSchema = Type.Array(Type.Object({ id: Type.Integer(), at: Timestamp, type: Type.String(), actor: Who, details: Type.Record(Type.String(), Type.Unknown()) }));

const TargetSchema = Type.Union([
  Type.Object({ role: Type.String() }, { additionalProperties: false }),
  Type.Object({ user_id: Uuid }, { additionalProperties: false }),
  Type.Object({ email: Type.String({ maxLength: 254 }) }, { additionalProperties: false }),
  Type.Object({ webhook_url: Type.String({ maxLength: 2000 }), format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('slack'), Type.Literal('teams')])) }, { additionalProperties: false }),
]);
const StepSchema = Type.Object({
  delay_minutes: Type.Number({ minimum: 0, maximum: 10080 }),
  targets: Type.Array(TargetSchema, { minItems: 1, maxItems: 50 }),
  channels: Type.Array(Type.Union([Type.Literal('ws'), Type.Literal('email'), Type.Literal('webhook')]), { minItems: 1, maxItems: 3 }),
}, { additionalProperties: false });
const SeverityLiteral = Type.Union(['low', 'medium', 'high', 'critical'].map((s) => Type.Literal(s)));

export const PolicyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }), watchlist_id: Type.Optional(Nullable(Uuid)), min_severity: Type.Optional(SeverityLiteral),
  steps: Type.Array(StepSchema, { minItems: 1, maxItems: 20 }), repeat: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Boolean()])),
  is_default: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export const PolicyPatch = Type.Partial(PolicyBody, { additionalProperties: false, minProperties: 1 });

export const PolicySchema = Type.Object({
  id: Uuid, name: Type.String(), watchlist_id: Nullable(Uuid), min_severity: Type.String(),
  steps: Type.Array(Type.Object({ delay_minutes: Type.Number(), targets: Type.Array(Type.Record(Type.String(), Type.String())), channels: Type.Array(Type.String()) })),
  repeat: Type.Integer(), is_default: Type.Boolean(), created_at: Timestamp, updated_at: Timestamp,
}, { $id: 'EscalationPolicy' });

export const SeriesSchema = Type.Object({
  bucket_seconds: Type.Integer(),
  points: Type.Array(Type.Object({ t: Timestamp, count: Type.Integer(), negative: Type.Integer(), risk_sum: Type.Number(), ambassador_reports: Type.Integer() })),
  alerts: Type.Array(Type.Object({ id: Uuid, opened_at: Timestamp, kind: Type.String(), severity: Type.String(), status: Type.String() })),
});
