// Every enum of the public contract, declared once as a TypeBox schema with its static type beside it.
// Database row types, route schemas, detectors, notifiers and the web app derive from these.
import { Type } from 'typebox';

export const ROLES = ['admin', 'crisis', 'comms', 'ambassador'] as const;
export const RoleSchema = Type.Enum(ROLES);
export type Role = (typeof ROLES)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const SeveritySchema = Type.Enum(SEVERITIES);
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_KINDS = ['volume_spike', 'negative_surge', 'risk_burst', 'emerging_term', 'ambassador_signal'] as const;
export const AlertKindSchema = Type.Enum(ALERT_KINDS);
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Sources that collect by polling (claimed with SKIP LOCKED by the poller). */
export const POLL_SOURCE_KINDS = ['rss', 'replay', 'reddit', 'hackernews', 'json'] as const;
/** Sources that hold a long-lived connection (one instance at a time, through a lease). */
export const STREAM_SOURCE_KINDS = ['bluesky', 'mastodon'] as const;
export type StreamSourceKind = (typeof STREAM_SOURCE_KINDS)[number];
export const SOURCE_KINDS = [...POLL_SOURCE_KINDS, ...STREAM_SOURCE_KINDS, 'push', 'ambassador'] as const;
export const SourceKindSchema = Type.Enum(SOURCE_KINDS);
export type SourceKind = (typeof SOURCE_KINDS)[number];
/** Kinds an administrator may create (the ambassador source is built in). */
export const CREATABLE_SOURCE_KINDS = SOURCE_KINDS.filter((k) => k !== 'ambassador') as Exclude<SourceKind, 'ambassador'>[];

/** Health of a connector, as shown in the sources screen, the API and /metrics. */
export const SOURCE_STATES = ['idle', 'connected', 'catching_up', 'backing_off', 'disabled'] as const;
export const SourceStateSchema = Type.Enum(SOURCE_STATES);
export type SourceState = (typeof SOURCE_STATES)[number];

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;
export const SentimentLabelSchema = Type.Enum(SENTIMENT_LABELS);
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved', 'snoozed'] as const;
export const AlertStatusSchema = Type.Enum(ALERT_STATUSES);
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Orders of the alert list: by severity then recency (the triage default), or newest first. */
export const ALERT_SORTS = ['severity', 'recent'] as const;
export const AlertSortSchema = Type.Enum(ALERT_SORTS);
export type AlertSort = (typeof ALERT_SORTS)[number];

/** Phases of an incident (status open/closed is derived: closed ⇔ resolved). */
export const INCIDENT_PHASES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const IncidentPhaseSchema = Type.Enum(INCIDENT_PHASES);
export type IncidentPhase = (typeof INCIDENT_PHASES)[number];

/** Where an approved talking point is shared from the ambassador app; each has its own tracked short link. */
export const SHARE_NETWORKS = ['native', 'linkedin', 'x', 'bluesky', 'mastodon', 'copy'] as const;
export const ShareNetworkSchema = Type.Enum(SHARE_NETWORKS);
export type ShareNetwork = (typeof SHARE_NETWORKS)[number];
