// The database as Kysely sees it: one table type file per table under ./tables.
import type { AlertEventsTable, AlertsTable } from './tables/alerts.js';
import type { AuditLogTable } from './tables/audit-log.js';
import type { AuthTokensTable } from './tables/auth-tokens.js';
import type { BucketsTable } from './tables/buckets.js';
import type { EscalationPoliciesTable } from './tables/escalation-policies.js';
import type { EventsTable } from './tables/events.js';
import type { IncidentEventsTable, IncidentsTable } from './tables/incidents.js';
import type { MentionsTable } from './tables/mentions.js';
import type { NotificationsTable } from './tables/notifications.js';
import type { RateLimitsTable } from './tables/rate-limits.js';
import type { SettingsTable } from './tables/settings.js';
import type { SignalsTable } from './tables/signals.js';
import type { SourcesTable } from './tables/sources.js';
import type { GroupMembersTable, GroupsTable, TalkingPointReceiptsTable, TalkingPointsTable } from './tables/talking-points.js';
import type { UsersTable } from './tables/users.js';
import type { WatchlistsTable } from './tables/watchlists.js';

export interface DB {
  users: UsersTable;
  auth_tokens: AuthTokensTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  sources: SourcesTable;
  watchlists: WatchlistsTable;
  mentions: MentionsTable;
  signals: SignalsTable;
  buckets: BucketsTable;
  incidents: IncidentsTable;
  incident_events: IncidentEventsTable;
  escalation_policies: EscalationPoliciesTable;
  alerts: AlertsTable;
  alert_events: AlertEventsTable;
  notifications: NotificationsTable;
  events: EventsTable;
  talking_points: TalkingPointsTable;
  talking_point_receipts: TalkingPointReceiptsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  rate_limits: RateLimitsTable;
}
