// Schemas of the incident report, the incident's signals and the monthly incident analytics.
import { Type } from 'typebox';
import { Nullable, NullableTimestamp, Timestamp, Uuid } from './common.js';
import { LangSchema } from './users.js';

export const ReportQuery = Type.Object({ lang: Type.Optional(LangSchema) }, { additionalProperties: false });

const Seconds = Nullable(Type.Integer());
const ReadRate = Type.Object({ group: Nullable(Type.String()), sent: Type.Integer(), read: Type.Integer(), rate: Nullable(Type.Number()) });

export const IncidentReportSchema = Type.Object({
  lang: LangSchema,
  generated_at: Timestamp,
  incident: Type.Object({ id: Uuid, title: Type.String(), summary: Nullable(Type.String()), declared_by: Nullable(Type.String()), commander: Nullable(Type.String()), comms_lead: Nullable(Type.String()) }),
  figures: Type.Object({
    milestones: Type.Object({
      first_mention: NullableTimestamp, first_signal: NullableTimestamp, first_alert: NullableTimestamp, declared: Timestamp,
      first_ack: NullableTimestamp, first_publication: NullableTimestamp, resolved: NullableTimestamp,
    }),
    durations: Type.Object({ detect_seconds: Seconds, signal_lead_seconds: Seconds, ack_seconds: Seconds, first_publication_seconds: Seconds, resolve_seconds: Seconds }),
    read_rates: Type.Array(ReadRate),
    read_total: ReadRate,
    series: Type.Array(Type.Object({ t: Timestamp, count: Type.Integer(), negative: Type.Integer() })),
    markers: Type.Array(Type.Object({ at: Timestamp, kind: Type.Union([Type.Literal('alert'), Type.Literal('publication')]), label: Type.String() })),
    alerts: Type.Integer(), signals: Type.Integer(), publications: Type.Integer(),
  }),
}, { $id: 'IncidentReport' });

export const IncidentSignalSchema = Type.Object({
  id: Uuid, text: Type.String(), url: Nullable(Type.String()), channel: Nullable(Type.String()), severity: Type.String(), created_at: Timestamp, reporter: Type.String(),
});

export const MonthlyQuery = Type.Object({ months: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, default: 12 })) }, { additionalProperties: false });
export const MonthlySchema = Type.Object({
  items: Type.Array(Type.Object({ month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }), incidents: Type.Integer(), mtta_seconds: Seconds, mttr_seconds: Seconds })),
});
