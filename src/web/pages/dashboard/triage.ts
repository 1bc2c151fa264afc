// Triage, without the DOM: the list's filters as they live in the URL (#/dashboard?severity=critical&…),
// the order (severity, then the newest first, as the API sorts), and the groups of related alerts (one
// watchlist and episode window: the server gives each alert its group_id).
import type { Alert, AlertKind, AlertStatus, Severity } from '../../types.js';

export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low'];
export const KINDS: AlertKind[] = ['volume_spike', 'negative_surge', 'risk_burst', 'emerging_term', 'ambassador_signal'];
/** '' is every active state (open, acknowledged, snoozed). */
export const STATES: ('' | AlertStatus)[] = ['', 'open', 'acknowledged', 'snoozed', 'resolved'];
const ACTIVE: AlertStatus[] = ['open', 'acknowledged', 'snoozed'];

/** Empty strings mean "any". `assignee` is a user id, 'none' (nobody) or 'me'. */
export interface Filters { watchlist: string; kind: string; severity: string; state: string; assignee: string }
export const FILTER_KEYS: (keyof Filters)[] = ['watchlist', 'kind', 'severity', 'state', 'assignee'];
export const NO_FILTERS: Filters = { watchlist: '', kind: '', severity: '', state: '', assignee: '' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters from the URL's query, dropping values the list cannot use (a hand-edited URL). */
export function parseFilters(query: URLSearchParams): Filters {
  const pick = (key: keyof Filters, ok: (v: string) => boolean) => { const v = query.get(key) ?? ''; return ok(v) ? v : ''; };
  return {
    watchlist: pick('watchlist', (v) => UUID.test(v)),
    kind: pick('kind', (v) => (KINDS as string[]).includes(v)),
    severity: pick('severity', (v) => (SEVERITIES as string[]).includes(v)),
    state: pick('state', (v) => (STATES as string[]).includes(v)),
    assignee: pick('assignee', (v) => v === 'none' || v === 'me' || UUID.test(v)),
  };
}

/** The filters as a URL query (only those set), in a stable order. */
export function filtersQuery(f: Filters): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of FILTER_KEYS) if (f[key]) q.set(key, f[key]);
  return q;
}

/** The API query for these filters; `me` resolves the "assigned to me" choice. */
export function apiQuery(f: Filters, me: string): Record<string, string> {
  const assignee = f.assignee === 'me' ? me : f.assignee;
  return {
    status: f.state || ACTIVE.join(','),
    ...(f.watchlist ? { watchlist_id: f.watchlist } : {}), ...(f.kind ? { kind: f.kind } : {}),
    ...(f.severity ? { severity: f.severity } : {}), ...(assignee ? { assignee_id: assignee } : {}),
  };
}

/** Whether an alert (e.g. one that just arrived on the stream) belongs in the filtered list. */
export function matches(a: Alert, f: Filters, me: string): boolean {
  if (f.state ? a.status !== f.state : !ACTIVE.includes(a.status)) return false;
  if (f.watchlist && a.watchlist_id !== f.watchlist) return false;
  if (f.kind && a.kind !== f.kind) return false;
  if (f.severity && a.severity !== f.severity) return false;
  const owner = a.assignee?.id ?? null;
  if (f.assignee === 'none') return owner === null;
  if (f.assignee) return owner === (f.assignee === 'me' ? me : f.assignee);
  return true;
}

const rank = (s: string) => SEVERITIES.length - SEVERITIES.indexOf(s as Severity);

/** Severity first, then the newest first: the API's default order. */
export function compareAlerts(a: Alert, b: Alert): number {
  return rank(b.severity) - rank(a.severity) || b.opened_at.localeCompare(a.opened_at) || b.id.localeCompare(a.id);
}

export interface AlertGroup { id: string; alerts: Alert[] }

/** Sorted alerts into groups, each placed where its most urgent alert sorts. */
export function groupAlerts(sorted: Alert[]): AlertGroup[] {
  const groups = new Map<string, AlertGroup>();
  for (const a of sorted) {
    const id = a.group_id ?? a.id;
    const group = groups.get(id) ?? { id, alerts: [] };
    group.alerts.push(a);
    groups.set(id, group);
  }
  return [...groups.values()];
}
