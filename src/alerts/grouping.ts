// Triage, pure: the order of the alert list (severity, then recency) and which alerts belong together.
// Related alerts of one watchlist whose episodes start close together are one story, so they form one group,
// an incident candidate (PagerDuty's alert grouping, Alertmanager's group_by on the watchlist with a
// group interval): the list shows the group once, with its count, and an incident can be declared from it.
import { SEVERITIES, type Severity } from '../contract/enums.js';

/** Alerts of one watchlist opened up to this long before a new episode's window starts share its group. */
export const GROUP_GAP_MINUTES = 60;

/** 0 for low … 3 for critical; unknown severities sort last. */
export function severityRank(severity: string): number {
  return SEVERITIES.indexOf(severity as Severity);
}

/** Severity first, then the newest first, then the id (a total order, as the API's keyset pages need). */
export function compareTriage(a: { severity: string; opened_at: string; id: string }, b: { severity: string; opened_at: string; id: string }): number {
  return severityRank(b.severity) - severityRank(a.severity) || b.opened_at.localeCompare(a.opened_at) || b.id.localeCompare(a.id);
}

/**
 * The earliest opening time of an alert that is part of the same story as a new episode: its window start
 * (or now, when the detector gave none) minus the gap.
 */
export function groupingSince(windowStart: string | undefined, now: Date, gapMinutes = GROUP_GAP_MINUTES): Date {
  const start = windowStart ? new Date(windowStart) : now;
  const from = Number.isNaN(start.getTime()) || start > now ? now : start;
  return new Date(from.getTime() - gapMinutes * 60_000);
}

/** The group a new alert joins: its related alert's group, or none (it leads a new one). */
export function groupOf(related: { id: string; group_id: string | null } | undefined): string | null {
  return related ? related.group_id ?? related.id : null;
}
