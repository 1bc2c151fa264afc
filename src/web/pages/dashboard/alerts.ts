// The live alert list: loaded from the API, then kept current by stream events. New critical alerts flash,
// chime (after a user gesture, unless muted) and are announced to screen readers. Triage: sorted by severity
// then recency, filtered (kept in the URL by the page), related alerts shown as one group with its count,
// and driven from the keyboard (j/k, a, r, s, Enter, ?).
import { api, qs } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { playAlertSound } from '../../sound.js';
import { stream } from '../../stream.js';
import { announce, toast } from '../../components/toast.js';
import { button, empty, errorState, isMissingEndpoint, loading, notAvailable, tabs } from '../../components/ui.js';
import type { Alert, Items, Me, Person, StreamEvent } from '../../types.js';
import { acknowledge, canAct, resolveWithReason, snoozeWithDuration } from './alert-actions.js';
import { alertMeta, figuresLine, kindLabel, stateLine } from './alert-view.js';
import { createFilterBar } from './filters.js';
import { installShortcuts, openShortcutHelp, type Command } from './keyboard.js';
import { apiQuery, compareAlerts, groupAlerts, matches, type AlertGroup, type Filters } from './triage.js';
import { alertSummary, alertTitle } from './alert-text.js';

type View = 'active' | 'resolved';
const ACTIVE = new Set(['open', 'acknowledged', 'snoozed']);

export interface AlertListOptions {
  me: Me;
  onOpen: (alert: Alert) => void;
  onSelectionChange: (ids: string[]) => void;
  onChange?: (alert: Alert, type: string) => void;
  /** Called after each load with the alerts shown, most urgent first. */
  onLoaded?: (alerts: Alert[]) => void;
  /** The filters to start with (from the URL), and where changes go (back to the URL). */
  filters: Filters;
  onFiltersChange: (filters: Filters) => void;
  /** The crisis team, for the assignee filter. */
  people: Promise<Person[]>;
  /** "Declare incident" on a group of related alerts. */
  onDeclareGroup: (groupId: string) => void;
}

export interface AlertList { element: HTMLElement; selected(): Alert[]; clearSelection(): void; upsert(alert: Alert): void; patch(id: string, change: Partial<Alert>): void; setFilters(filters: Filters): void; destroy(): void }

export function createAlertList(options: AlertListOptions): AlertList {
  const { me } = options;
  const alerts = new Map<string, Alert>();
  const selected = new Set<string>();
  const fresh = new Set<string>();
  /** Groups the user opened; the others show their most urgent alert and a count. */
  const expanded = new Set<string>();
  let filters = { ...options.filters };
  let current: string | null = null;
  let loaded = false;
  let generation = 0;
  const view = (): View => (filters.state === 'resolved' ? 'resolved' : 'active');
  const tabsHost = h('div', { class: 'list-tabs' });
  const filterBar = createFilterBar(filters, options.people, (next) => setFilters(next));
  const toolbar = h('div', { class: 'list-toolbar' },
    h('div', { class: 'list-head' }, tabsHost,
      h('button', { type: 'button', class: 'btn btn-ghost btn-sm keys-help', 'aria-keyshortcuts': '?', onclick: () => openShortcutHelp() }, t('keys.button'))),
    filterBar.element);
  const body = h('div', { class: 'alert-list', 'aria-live': 'off' });
  const element = h('div', { class: 'alerts' }, toolbar, body);

  function visible(): Alert[] {
    return [...alerts.values()].filter((a) => matches(a, filters, me.id)).sort(compareAlerts);
  }

  function setFilters(next: Filters): void {
    filters = { ...next };
    filterBar.set(filters);
    options.onFiltersChange({ ...filters });
    void load();
  }

  function renderToolbar(): void {
    const active = [...alerts.values()].filter((a) => ACTIVE.has(a.status) && matches(a, { ...filters, state: '' }, me.id)).length;
    mount(tabsHost, tabs<View>([
      { id: 'active', label: t('alerts.view_active'), count: active },
      { id: 'resolved', label: t('alerts.view_resolved') },
    ], view(), (v) => setFilters({ ...filters, state: v === 'resolved' ? 'resolved' : '' })));
  }

  function render(): void {
    renderToolbar();
    if (!loaded) return;
    const list = visible();
    if (list.length === 0) {
      const filtered = filters.watchlist || filters.kind || filters.severity || filters.assignee || (filters.state && filters.state !== 'resolved');
      mount(body, filtered ? empty(t('filters.none')) : view() === 'active' ? empty(t('alerts.none_title'), t('alerts.none_hint')) : empty(t('alerts.none_resolved')));
      return;
    }
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset.focusKey;
    mount(body, groupAlerts(list).map(renderGroup));
    if (focusKey) body.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  /** A lone alert is a row; related alerts are one block: the most urgent, a count, the rest on demand. */
  function renderGroup(group: AlertGroup): HTMLElement {
    if (group.alerts.length === 1) return renderItem(group.alerts[0]!);
    const open = expanded.has(group.id) || group.alerts.some((a, i) => i > 0 && a.id === current);
    const first = group.alerts[0]!;
    const rowsId = `group-${group.id}`;
    const toggle = h('button', {
      type: 'button', class: 'btn btn-ghost btn-sm group-toggle', 'aria-expanded': String(open), 'aria-controls': rowsId, dataset: { focusKey: `toggle-${group.id}` },
      onclick: () => { if (open) expanded.delete(group.id); else expanded.add(group.id); render(); },
    }, open ? t('groups_alerts.hide') : t('groups_alerts.show', { count: group.alerts.length - 1 }));
    const declare = canAct(me)
      ? button(t('groups_alerts.declare'), () => options.onDeclareGroup(group.id), 'secondary', { class: 'btn btn-secondary btn-sm', dataset: { focusKey: `declare-${group.id}` } })
      : null;
    return h('section', { class: `alert-group sev-${first.severity}`, dataset: { groupId: group.id }, 'aria-label': t('groups_alerts.label', { count: group.alerts.length, watchlist: first.watchlist_name ?? '' }) },
      h('header', { class: 'group-bar' },
        h('span', { class: 'group-count' }, t('groups_alerts.count', { count: group.alerts.length })),
        first.watchlist_name ? h('span', { class: 'meta-text' }, first.watchlist_name) : null,
        h('span', { class: 'group-actions' }, toggle, declare)),
      h('div', { class: 'group-rows', id: rowsId }, (open ? group.alerts : [first]).map(renderItem)));
  }

  function renderItem(alert: Alert): HTMLElement {
    const figures = figuresLine(alert);
    const state = stateLine(alert);
    const checkbox = canAct(me) && alert.status !== 'resolved'
      ? h('input', {
        type: 'checkbox', class: 'alert-check', checked: selected.has(alert.id), 'aria-label': t('alerts.select', { title: alertTitle(alert) }),
        dataset: { focusKey: `check-${alert.id}` },
        onchange: (e: Event) => {
          if ((e.target as HTMLInputElement).checked) selected.add(alert.id); else selected.delete(alert.id);
          options.onSelectionChange([...selected]);
        },
      })
      : null;
    return h('article', {
      class: `alert-item sev-${alert.severity} status-${alert.status} ${fresh.has(alert.id) ? 'is-new' : ''} ${current === alert.id ? 'is-current' : ''}`,
      dataset: { alertId: alert.id }, 'aria-current': current === alert.id ? 'true' : null,
      onclick: () => { current = alert.id; markCurrent(); },
      'aria-label': `${t(`severity.${alert.severity}`)} · ${alertTitle(alert)}`,
    },
    checkbox,
    h('div', { class: 'alert-main' },
      alertMeta(alert),
      h('h3', { class: 'alert-title' },
        h('button', { type: 'button', class: 'link-button', dataset: { focusKey: `open-${alert.id}` }, onclick: () => options.onOpen(alert) }, alertTitle(alert) || kindLabel(alert.kind))),
      // The server's title often ends with the summary: say it once.
      alertSummary(alert) && !alertTitle(alert).includes(alertSummary(alert)!) ? h('p', { class: 'alert-summary' }, alertSummary(alert)) : null,
      figures || state ? h('p', { class: 'alert-figures' }, [figures, state].filter(Boolean).join(' · ')) : null),
    canAct(me) ? actions(alert) : null);
  }

  function actions(alert: Alert): HTMLElement | null {
    if (alert.status === 'resolved') return null;
    const run = (kind: string, fn: () => Promise<Alert | null>) => async () => {
      const updated = await fn();
      if (updated) upsert(updated, `alert.${kind}`);
    };
    return h('div', { class: 'alert-actions' },
      alert.status === 'open' || alert.status === 'snoozed'
        ? button(t('alerts.ack'), run('acknowledged', () => acknowledge(alert)), 'primary', { dataset: { focusKey: `ack-${alert.id}`, action: 'ack' } })
        : null,
      button(t('alerts.resolve'), run('resolved', () => resolveWithReason(alert)), 'secondary', { dataset: { focusKey: `resolve-${alert.id}`, action: 'resolve' } }),
      alert.status !== 'snoozed'
        ? button(t('alerts.snooze'), run('updated', () => snoozeWithDuration(alert)), 'ghost', { dataset: { focusKey: `snooze-${alert.id}`, action: 'snooze' } })
        : null);
  }

  function upsert(alert: Alert, type = 'alert.updated'): void {
    const previous = alerts.get(alert.id);
    alerts.set(alert.id, previous ? { ...previous, ...alert } : alert);
    if (alert.status === 'resolved') selected.delete(alert.id);
    render();
    options.onChange?.(alerts.get(alert.id)!, type);
  }

  async function load(): Promise<void> {
    const mine = ++generation;
    if (!loaded) mount(body, loading());
    renderToolbar();
    try {
      const page = await api.get<Items<Alert>>(`/api/v1/alerts${qs({ ...apiQuery(filters, me.id), limit: 100 })}`);
      if (mine !== generation) return; // the filters changed meanwhile: a newer answer is coming
      // What the server now says replaces what this filter shows; alerts outside it are kept for the counts.
      for (const [id, a] of alerts) if (matches(a, filters, me.id)) alerts.delete(id);
      for (const a of page.items) alerts.set(a.id, a);
      loaded = true;
      render();
      options.onLoaded?.(page.items);
    } catch (err) {
      mount(body, isMissingEndpoint(err) ? notAvailable() : errorState(err, () => void load()));
    }
  }

  /** The rows in screen order, as j and k walk them. */
  const rows = () => [...body.querySelectorAll<HTMLElement>('.alert-item')];

  function markCurrent(scroll = false): void {
    for (const row of rows()) {
      const on = row.dataset.alertId === current;
      row.classList.toggle('is-current', on);
      if (on) row.setAttribute('aria-current', 'true'); else row.removeAttribute('aria-current');
      if (on && scroll) {
        row.scrollIntoView({ block: 'nearest' });
        row.querySelector<HTMLElement>('.alert-title button')?.focus({ preventScroll: true });
      }
    }
  }

  function move(step: number): void {
    const list = rows();
    if (list.length === 0) return;
    const at = list.findIndex((r) => r.dataset.alertId === current);
    const next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    current = list[next]!.dataset.alertId ?? null;
    markCurrent(true);
  }

  async function act(command: Command): Promise<void> {
    if (command === 'next' || command === 'previous') return move(command === 'next' ? 1 : -1);
    if (command === 'help') return openShortcutHelp();
    const alert = current ? alerts.get(current) : undefined;
    if (!alert) return;
    if (command === 'open') return options.onOpen(alert);
    if (!canAct(me) || alert.status === 'resolved') return;
    const run = command === 'ack' ? (alert.status === 'acknowledged' ? null : acknowledge) : command === 'resolve' ? resolveWithReason : alert.status === 'snoozed' ? null : snoozeWithDuration;
    const updated = run ? await run(alert) : null;
    if (updated) upsert(updated, `alert.${command === 'ack' ? 'acknowledged' : command === 'resolve' ? 'resolved' : 'updated'}`);
  }

  function onRaised(event: StreamEvent): void {
    const alert = event.data as unknown as Alert;
    if (!alert?.id) return;
    const isNew = !alerts.has(alert.id);
    if (isNew) {
      fresh.add(alert.id);
      setTimeout(() => { fresh.delete(alert.id); body.querySelector(`[data-alert-id="${CSS.escape(alert.id)}"]`)?.classList.remove('is-new'); }, 8000);
    }
    upsert(alert, event.type);
    if (!isNew) return;
    announce(t('alerts.new_announce', { severity: t(`severity.${alert.severity}`), title: alertTitle(alert) }));
    if (alert.severity === 'critical') {
      playAlertSound();
      toast(t('alerts.new_critical', { title: alertTitle(alert) }), 'critical', 10_000);
    }
  }

  function onUpdated(event: StreamEvent): void {
    const alert = event.data as unknown as Alert;
    if (!alert?.id) return;
    upsert(alert, event.type);
    if (event.type === 'alert.escalated' && alert.escalation) {
      announce(t('alerts.escalated_toast', { step: alert.escalation.current_step ?? alert.escalation.step, total: alert.escalation.steps_total ?? '?', title: alertTitle(alert) }));
    }
  }

  const offs = [
    stream.on('alert.raised', onRaised),
    ...['alert.escalated', 'alert.acknowledged', 'alert.resolved', 'alert.updated'].map((type) => stream.on(type, onUpdated)),
    installShortcuts((command) => void act(command)),
  ];
  void load();

  return {
    element,
    selected: () => [...selected].map((id) => alerts.get(id)).filter((a): a is Alert => Boolean(a)),
    clearSelection() { selected.clear(); render(); options.onSelectionChange([]); },
    upsert,
    setFilters(next) { setFilters(next); },
    patch(id, change) {
      const known = alerts.get(id);
      if (known) upsert({ ...known, ...change });
    },
    destroy() { for (const off of offs) off(); },
  };
}

