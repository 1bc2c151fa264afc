// The API's JSON shapes as the browser sees them (see /docs and API-PLAN).
export type Role = 'admin' | 'crisis' | 'comms' | 'ambassador';
export type Lang = 'fr' | 'en';
export type Severity = 'low' | 'medium' | 'high' | 'critical';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved' | 'snoozed';
export type AlertKind = 'volume_spike' | 'negative_surge' | 'risk_burst' | 'emerging_term' | 'ambassador_signal';

export interface Me { id: string; email: string; name: string; role: Role; lang: Lang; must_change_password?: boolean }
export interface User extends Me { disabled: boolean; created_at: string }
export interface Person { id: string; name: string }
export interface Items<T> { items: T[]; next_cursor?: string | null }
export interface PendingInvitation { id: string; email: string; name: string; lang: Lang; invited_at: string; link_expires_at: string | null; expired: boolean; groups: string[] }
export interface RowIssue { row: number; email: string; reason: string }
export interface CsvReport { rows: number; invited: number; refused: RowIssue[]; not_emailed: RowIssue[] }

export interface Explanation {
  summary?: string; observed?: number; expected?: number; factor?: number;
  window?: { start: string; end: string }; top_terms?: string[]; sample_mention_ids?: string[];
}
export interface Alert {
  id: string; watchlist_id: string | null; watchlist_name?: string | null; kind: AlertKind | string; severity: Severity;
  status: AlertStatus; score?: number; title: string; opened_at: string; updated_at?: string;
  acknowledged_at?: string | null; acknowledged_by?: Person | null; ack_expires_at?: string | null;
  resolved_at?: string | null; resolved_by?: Person | null; resolve_reason?: string | null; snoozed_until?: string | null;
  incident_id?: string | null; escalation?: Escalation | null;
  explanation?: Explanation | null;
  /** Triage: who owns it, the acknowledgement note, and its group of related alerts (id of the first). */
  assignee?: Person | null; ack_note?: string | null; group_id?: string;
  /** The summary as a message key and parameters, for the French (and any non-English) interface. */
  wording?: { key: string; params: Record<string, string | number> } | null;
}
export interface NotifiedTarget { channel: 'ws' | 'email' | 'webhook'; kind: 'role' | 'user' | 'email' | 'webhook'; to: string }
export interface Escalation { policy_name: string; step: number; cycle: number; next_at: string | null; current_step?: number; steps_total?: number; notified?: NotifiedTarget[] }
export interface TimelineEntry { id: string | number; at: string; type: string; actor: Person | null; details?: Record<string, unknown> }
export interface NotificationRow { id: string; channel: string; recipient: string; status: string; attempts: number; last_error: string | null; sent_at: string | null; created_at?: string; step_index?: number | null }
export interface AlertDetail extends Alert { timeline?: TimelineEntry[]; samples?: Mention[]; notifications?: NotificationRow[]; evidence?: Evidence | null }

// The alert's own evidence: the browser's view of AlertEvidenceSchema (src/contract/evidence.ts).
export interface EvidenceReference {
  kind: 'expected' | 'threshold';
  measure: 'mentions' | 'negative_mentions' | 'risk_mass' | 'term_count' | 'ambassadors' | 'critical_reports';
  observed: number; value: number; factor: number | null;
}
export interface EvidenceMention {
  id: number; available: boolean; text: string | null; author: string | null; url: string | null; published_at: string | null;
  label: string | null; risk: number | null; source_kind: string | null; report: { severity: Severity; channel: string | null } | null;
}
export interface EvidenceSeries {
  bucket_seconds: number; from: string; to: string; points: { t: string; count: number; negative: number }[];
  band: { low: number; median: number; high: number; from: string; to: string };
}
export interface Evidence {
  kind: AlertKind; watchlist_id: string; window: { start: string; end: string }; bucket_seconds: number;
  reference: EvidenceReference; rising_terms: { term: string; count: number; usual: number | null }[];
  mentions: EvidenceMention[]; series: EvidenceSeries;
}

export interface Mention {
  id: number | string; source_id?: string; source_kind?: string; text: string; author: string | null; url: string | null;
  published_at: string; lang?: string; sentiment?: number; label?: string; risk?: number; risk_terms?: string[];
}
export interface Signal {
  id: string; text: string; url: string | null; channel: string | null; severity: Severity; watchlist_id: string | null;
  watchlist_ids: string[]; reporter: Person; created_at: string; label?: string; sentiment?: number; risk?: number;
  preview?: { url: string; title: string | null; description: string | null; site_name: string | null; image_url: string | null } | null;
  preview_error?: string | null;
}
export interface Source {
  id: string; kind: 'rss' | 'push' | 'replay' | 'ambassador' | 'reddit' | 'hackernews' | 'json' | 'bluesky' | 'mastodon'; name: string; url: string | null; poll_interval_seconds: number | null;
  enabled: boolean; disabled_reason: string | null; last_polled_at: string | null; last_success_at: string | null;
  last_error: string | null; consecutive_failures: number; next_check_at: string | null; items_collected: number;
  created_at: string; ingest_token?: string;
  /** Connector health (issue 16); optional so older servers' answers still type-check. */
  state?: 'idle' | 'connected' | 'catching_up' | 'backing_off' | 'disabled'; last_event_at?: string | null; lag_seconds?: number | null;
  events_per_second?: number | null; error_count?: number; secrets_set?: string[];
}
export interface FeedPreview {
  ok: boolean; error?: string; title?: string | null; format?: string; total?: number;
  mentions: { external_id: string; text: string; author: string | null; url: string | null; published_at: string; title: string | null; network?: string | null; author_followers?: number | null; likes?: number | null }[];
}
export interface RiskTerm { term: string; weight: number }
export interface Watchlist { id: string; name: string; query: string; risk_terms: RiskTerm[]; enabled: boolean; created_at: string; updated_at: string }
export interface QueryTestResult {
  scanned: number; matched: number;
  samples: { id: number; text: string; author: string | null; url: string | null; published_at: string; lang: string; label: string; sentiment: number; risk: number }[];
}
export interface SeriesPoint { t: string; count: number; negative: number; risk_sum: number; ambassador_reports: number }
export interface Series { bucket_seconds: number; points: SeriesPoint[]; alerts: { id: string; opened_at: string; kind: string; severity: Severity }[] }

export type IncidentPhase = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export interface Incident { id: string; title: string; summary: string | null; status: 'open' | 'closed'; phase?: IncidentPhase; declared_by: Person | null; commander?: Person | null; comms_lead?: Person | null; created_at: string; updated_at?: string; closed_at: string | null; alert_ids: string[] }

export type Target = { role: Role } | { user_id: string } | { email: string } | { webhook_url: string; format?: string };
export type Channel = 'ws' | 'email' | 'webhook';
export interface PolicyStep { delay_minutes: number; targets: Target[]; channels: Channel[] }
export interface EscalationPolicy {
  id: string; name: string; watchlist_id: string | null; min_severity: Severity | null; steps: PolicyStep[]; repeat: number; is_default?: boolean;
}

export type TalkingPointStatus = 'draft' | 'in_review' | 'approved' | 'published' | 'superseded' | 'retired';
export interface TalkingPoint {
  id: string; lineage_id: string; version: number; status: TalkingPointStatus; title: string; body: string;
  variants?: Partial<Record<Lang, { title: string; body: string }>>; shareable: boolean; suggested_posts?: { network: string; text: string }[];
  tags?: string[]; incident_id: string | null; alert_ids?: string[]; audience?: { all?: boolean; group_ids?: string[] };
  author: Person; approved_by: Person | null; approved_at: string | null; published_at: string | null; submitted_at?: string | null;
  created_at: string; updated_at: string; do_not_say_matches?: { phrase: string; field: string }[]; share_url?: string | null;
  sent_back?: { reason: string; by: Person | null; at: string } | null;
  read_at?: string | null; priority?: boolean;
}
export interface Receipts { sent: number; read: number; unread: number; recipients: { user_id: string; name: string; email: string; priority: boolean; sent_at: string; read_at: string | null }[] }
export interface Group { id: string; name: string; kind: 'team' | 'department' | 'language' | 'other'; member_ids?: string[]; members?: Person[]; member_count?: number }

export interface StreamEvent<T = Record<string, unknown>> { type: string; id: string; at: string; data: T }

/** One line of an incident's timeline: `type` says what happened, `details` carries its facts. */
export interface IncidentTimelineEntry { id: number; at: string; type: string; actor: Person | null; details: Record<string, unknown> }
export interface IncidentSignal { id: string; text: string; url: string | null; channel: string | null; severity: Severity; created_at: string; reporter: string }
export interface ReadRate { group: string | null; sent: number; read: number; rate: number | null }
export interface IncidentReport {
  lang: Lang; generated_at: string;
  incident: { id: string; title: string; summary: string | null; declared_by: string | null; commander: string | null; comms_lead: string | null };
  figures: {
    milestones: Record<'first_mention' | 'first_signal' | 'first_alert' | 'declared' | 'first_ack' | 'first_publication' | 'resolved', string | null>;
    durations: Record<'detect_seconds' | 'signal_lead_seconds' | 'ack_seconds' | 'first_publication_seconds' | 'resolve_seconds', number | null>;
    read_rates: ReadRate[]; read_total: ReadRate;
    series: { t: string; count: number; negative: number }[];
    markers: { at: string; kind: 'alert' | 'publication'; label: string }[];
    alerts: number; signals: number; publications: number;
  };
}
export interface MonthMetrics { month: string; incidents: number; mtta_seconds: number | null; mttr_seconds: number | null }
export interface Charter { version: number; body_fr: string; body_en: string; card_fr: string; card_en: string; published_at: string; published_by: Person | null }
export interface CharterState { charter: Charter | null; accepted_version: number | null; must_accept: boolean; incident_open: boolean }
export interface TrainingModule {
  id: string; title: string; lang: Lang; body: string; position: number; published: boolean;
  questions: { question: string; choices: string[]; answer?: number }[]; completed_at: string | null; score: number | null;
}
export interface Grade { score: number; total: number; passed: boolean; results: { correct: boolean }[]; completed_at: string | null }
export type ShareNetwork = 'native' | 'linkedin' | 'x' | 'bluesky' | 'mastodon' | 'copy';
export interface ShareKit { talking_point_id: string; text: string; target: string; group_id: string | null; links: { network: ShareNetwork; code: string; url: string; intent_url: string | null }[] }
export interface Reach { clicks: number; by_network: { network: ShareNetwork; clicks: number }[]; by_group: { group_id: string | null; group_name: string | null; clicks: number }[] }
export interface ProgrammeReport {
  charter_version: number | null; modules_total: number;
  ambassadors: { id: string; name: string; email: string; groups: Person[]; accepted_version: number | null; accepted_current: boolean; modules_completed: number }[];
  groups: { id: string; name: string; members: number; accepted_current: number; completed_all: number }[];
}
