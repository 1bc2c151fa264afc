// How one alert reads in the list: severity and status first, then what happened and why, then actions.
import { h } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import { number, relativeTime, timeEl } from '../../format.js';
import { badge, severityBadge, statusBadge } from '../../components/ui.js';
import type { Alert, Escalation, NotifiedTarget } from '../../types.js';

export function kindLabel(kind: string): string {
  const key = `kind.${kind}` as Key;
  const label = t(key);
  return label === key ? kind.replace(/_/g, ' ') : label;
}

/** "42 observed vs 8 expected (×5.3)" — the one line that says why. */
export function figuresLine(alert: Alert): string | null {
  const e = alert.explanation;
  if (!e || e.observed === undefined || e.expected === undefined) return null;
  const factor = e.factor !== undefined && Number.isFinite(e.factor) ? ` (×${number(e.factor, 1)})` : '';
  return t('alerts.figures', { observed: number(e.observed, 1), expected: number(e.expected, 1) }) + factor;
}

export function stateLine(alert: Alert): string | null {
  if (alert.status === 'acknowledged' && alert.acknowledged_by) return t('alerts.acked_by', { name: alert.acknowledged_by.name, when: relativeTime(alert.acknowledged_at) });
  if (alert.status === 'snoozed' && alert.snoozed_until) return t('alerts.snoozed_until', { when: relativeTime(alert.snoozed_until) });
  if (alert.status === 'resolved' && alert.resolved_by) return t('alerts.resolved_by', { name: alert.resolved_by.name, when: relativeTime(alert.resolved_at) });
  if (alert.status === 'open' && alert.escalation) return escalationLine(alert.escalation);
  return null;
}

/** "step 2 of 2 · notified: crisis team (In app), Alice (Email) · next in 5 minutes". */
export function escalationLine(e: Escalation): string {
  const total = e.steps_total ?? 0;
  const step = e.current_step ?? Math.min(e.step + 1, total || e.step + 1);
  const parts = [total > 0 ? t('alerts.step_of', { step, total }) : t('alerts.escalation', { step, policy: e.policy_name })];
  if (e.notified && e.notified.length > 0) parts.push(t('alerts.notified', { who: notifiedList(e.notified) }));
  if (e.next_at) parts.push(t('alerts.next_step', { when: relativeTime(e.next_at) }));
  return parts.join(' · ');
}

export function notifiedList(items: NotifiedTarget[]): string {
  return items.map((n) => `${n.kind === 'role' ? t(`role.${n.to}` as Key) : n.to} (${t(`channel_kind.${n.channel}` as Key)})`).join(', ');
}

export function alertMeta(alert: Alert): HTMLElement {
  return h('div', { class: 'alert-meta' },
    severityBadge(alert.severity),
    statusBadge(alert.status),
    alert.incident_id ? badge(t('alerts.in_incident'), 'incident') : null,
    h('span', { class: 'meta-text' }, kindLabel(alert.kind)),
    alert.watchlist_name ? h('span', { class: 'meta-text' }, alert.watchlist_name) : null,
    h('span', { class: 'meta-text' }, timeEl(alert.opened_at)),
    alert.assignee ? h('span', { class: 'meta-text assignee' }, t('alerts.assigned_to', { name: alert.assignee.name })) : null);
}
