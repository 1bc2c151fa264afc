// The evidence of one alert, declared once: what is stored on the alert when it is raised (its own
// mentions, the terms that rose, the reference it was measured against) and what the alert detail API
// returns (the same, with the mentions' text and the series of the alert's own window with a baseline band).
import { Type, type Static } from 'typebox';
import { AlertKindSchema, SentimentLabelSchema, SeveritySchema } from './enums.js';

/**
 * What the observed value was compared with. `expected`: the model's expectation for that window;
 * `threshold`: a fixed rule (e.g. 3 distinct ambassadors, or one critical report), never an expectation.
 */
export const REFERENCE_KINDS = ['expected', 'threshold'] as const;
export const REFERENCE_MEASURES = ['mentions', 'negative_mentions', 'risk_mass', 'term_count', 'ambassadors', 'critical_reports'] as const;
export const EvidenceReferenceSchema = Type.Object({
  kind: Type.Enum(REFERENCE_KINDS),
  measure: Type.Enum(REFERENCE_MEASURES),
  observed: Type.Number(),
  value: Type.Number({ description: 'the expected value or the threshold' }),
  factor: Type.Union([Type.Number(), Type.Null()], { description: 'observed / expected; null for a threshold' }),
});
export type EvidenceReference = Static<typeof EvidenceReferenceSchema>;

export const RisingTermSchema = Type.Object({
  term: Type.String(),
  count: Type.Integer({ description: 'occurrences in the alert window (bucket top terms)' }),
  usual: Type.Union([Type.Number(), Type.Null()], { description: 'occurrences expected over the same span from the day before; null when unknown' }),
});
export type RisingTerm = Static<typeof RisingTermSchema>;

export const EvidenceReportSchema = Type.Object({ severity: SeveritySchema, channel: Type.Union([Type.String(), Type.Null()]) });

/** One mention as stored on the alert: its id, in display order, and the ambassador report it came from. */
export const EvidenceMentionRefSchema = Type.Object({ id: Type.Integer(), report: Type.Union([EvidenceReportSchema, Type.Null()]) });
export type EvidenceMentionRef = Static<typeof EvidenceMentionRefSchema>;

export const EvidenceWindowSchema = Type.Object({ start: Type.String({ format: 'date-time' }), end: Type.String({ format: 'date-time' }) });

/** What alerts.evidence holds, written in the transaction that raises the alert. */
export const StoredEvidenceSchema = Type.Object({
  version: Type.Literal(1),
  kind: AlertKindSchema,
  watchlist_id: Type.String({ format: 'uuid' }),
  window: EvidenceWindowSchema,
  bucket_seconds: Type.Integer({ minimum: 1 }),
  reference: EvidenceReferenceSchema,
  rising_terms: Type.Array(RisingTermSchema),
  mentions: Type.Array(EvidenceMentionRefSchema),
});
export type StoredEvidence = Static<typeof StoredEvidenceSchema>;

export const EvidenceMentionSchema = Type.Object({
  id: Type.Integer(),
  /** False when retention or the source removed the mention since: only the id and the report remain. */
  available: Type.Boolean(),
  text: Type.Union([Type.String(), Type.Null()]),
  author: Type.Union([Type.String(), Type.Null()]),
  url: Type.Union([Type.String(), Type.Null()]),
  published_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  label: Type.Union([SentimentLabelSchema, Type.Null()]),
  risk: Type.Union([Type.Number(), Type.Null()]),
  source_kind: Type.Union([Type.String(), Type.Null()]),
  report: Type.Union([EvidenceReportSchema, Type.Null()]),
});
export type EvidenceMention = Static<typeof EvidenceMentionSchema>;

export const SeriesPointSchema = Type.Object({ t: Type.String({ format: 'date-time' }), count: Type.Integer(), negative: Type.Integer() });
/** The usual range of mentions per bucket over the day before the chart (10th to 90th percentile, median). */
export const BaselineBandSchema = Type.Object({ low: Type.Number(), median: Type.Number(), high: Type.Number(), from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) });
export const EvidenceSeriesSchema = Type.Object({
  bucket_seconds: Type.Integer(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  points: Type.Array(SeriesPointSchema, { description: 'every bucket of the range, zeros included' }),
  band: BaselineBandSchema,
});
export type EvidenceSeries = Static<typeof EvidenceSeriesSchema>;
export type BaselineBand = Static<typeof BaselineBandSchema>;

/** The evidence as the alert detail API returns it. */
export const AlertEvidenceSchema = Type.Object({
  ...StoredEvidenceSchema.properties,
  mentions: Type.Array(EvidenceMentionSchema),
  series: EvidenceSeriesSchema,
});
export type AlertEvidence = Static<typeof AlertEvidenceSchema>;
