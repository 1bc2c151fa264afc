// The live alert list: loaded from the API, then kept current by stream events. New critical alerts flash,
// chime (after a user gesture, unless muted) and are announced to screen readers.
import { api, qs } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { playAlertSound } from '../../sound.js';
import { stream } from '../../stream.js';
import { announce, toast } from '../../components/toast.js';
import { button, empty, errorState, isMissingEndpoint, loading, notAvailable, tabs } from '../../components/ui.js';
import type { Alert, Items, Me, StreamEvent } from '../../types.js';
import { acknowledge, canAct, resolveWithReason, snoozeWithDuration } from './alert-actions.js';
import { alertMeta, figuresLine, kindLabel, stateLine } from './alert-view.js';

type View = 'active' | 'resolved';
const ACTIVE = new Set(['open', 'acknowledged', 'snoozed']);

export interface AlertListOptions {
  me: Me;
  onOpen: (alert: Alert) => void;
  onSelectionChange: (ids: string[]) => void;
  onChange?: (alert: Alert, type: string) => void;
}

export interface AlertList { element: HTMLElement; selected(): Alert[]; clearSelection(): void; upsert(alert: Alert): void; destroy(): void }

export function createAlertList(options: AlertListOptions): AlertList {
  const { me } = options;
  const alerts = new Map<string, Alert>();
  const selected = new Set<string>();
  const fresh = new Set<string>();
  let view: View = 'active';
  let loaded = false;
  const toolbar = h('div', { class: 'list-toolbar' });
  const body = h('div', { class: 'alert-list', 'aria-live': 'off' });
  const element = h('div', { class: 'alerts' }, toolbar, body);

  function visible(): Alert[] {
    return [...alerts.values()]
      .filter((a) => (view === 'active' ? ACTIVE.has(a.status) : a.status === 'resolved'))
      .sort((a, b) => b.opened_at.localeCompare(a.opened_at));
  }

  function renderToolbar(): void {
    const active = [...alerts.values()].filter((a) => ACTIVE.has(a.status)).length;
    mount(toolbar, tabs<View>([
      { id: 'active', label: t('alerts.view_active'), count: active },
      { id: 'resolved', label: t('alerts.view_resolved') },
    ], view, (v) => { view = v; void load(); }));
  }

  function render(): void {
    renderToolbar();
    if (!loaded) return;
    const list = visible();
    if (list.length === 0) {
      mount(body, view === 'active' ? empty(t('alerts.none_title'), t('alerts.none_hint')) : empty(t('alerts.none_resolved')));
      return;
    }
    const focusKey = (document.activeElement as HTMLElement | null)?.dataset.focusKey;
    mount(body, list.map(renderItem));
    if (focusKey) body.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  function renderItem(alert: Alert): HTMLElement {
    const figures = figuresLine(alert);
    const state = stateLine(alert);
    const checkbox = canAct(me) && alert.status !== 'resolved'
      ? h('input', {
        type: 'checkbox', class: 'alert-check', checked: selected.has(alert.id), 'aria-label': t('alerts.select', { title: alert.title }),
        dataset: { focusKey: `check-${alert.id}` },
        onchange: (e: Event) => {
          if ((e.target as HTMLInputElement).checked) selected.add(alert.id); else selected.delete(alert.id);
          options.onSelectionChange([...selected]);
        },
      })
      : null;
    return h('article', {
      class: `alert-item sev-${alert.severity} status-${alert.status} ${fresh.has(alert.id) ? 'is-new' : ''}`,
      dataset: { alertId: alert.id },
      'aria-label': `${t(`severity.${alert.severity}`)} · ${alert.title}`,
    },
    checkbox,
    h('div', { class: 'alert-main' },
      alertMeta(alert),
      h('h3', { class: 'alert-title' },
        h('button', { type: 'button', class: 'link-button', dataset: { focusKey: `open-${alert.id}` }, onclick: () => options.onOpen(alert) }, alert.title || kindLabel(alert.kind))),
      // The server's title often ends with the summary: say it once.
      alert.explanation?.summary && !alert.title.includes(alert.explanation.summary) ? h('p', { class: 'alert-summary' }, alert.explanation.summary) : null,
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
    if (!loaded) mount(body, loading());
    renderToolbar();
    try {
      const status = view === 'active' ? 'open,acknowledged,snoozed' : 'resolved';
      const page = await api.get<Items<Alert>>(`/api/v1/alerts${qs({ status, limit: 100 })}`);
      if (view === 'active') for (const [id, a] of alerts) if (ACTIVE.has(a.status)) alerts.delete(id);
      for (const a of page.items) alerts.set(a.id, a);
      loaded = true;
      render();
    } catch (err) {
      mount(body, isMissingEndpoint(err) ? notAvailable() : errorState(err, () => void load()));
    }
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
    announce(t('alerts.new_announce', { severity: t(`severity.${alert.severity}`), title: alert.title }));
    if (alert.severity === 'critical') {
      playAlertSound();
      toast(t('alerts.new_critical', { title: alert.title }), 'critical', 10_000);
    }
  }

  function onUpdated(event: StreamEvent): void {
    const alert = event.data as unknown as Alert;
    if (!alert?.id) return;
    upsert(alert, event.type);
    if (event.type === 'alert.escalated' && alert.escalation) {
      announce(t('alerts.escalated_toast', { step: alert.escalation.current_step ?? alert.escalation.step, total: alert.escalation.steps_total ?? '?', title: alert.title }));
    }
  }

  const offs = [
    stream.on('alert.raised', onRaised),
    ...['alert.escalated', 'alert.acknowledged', 'alert.resolved', 'alert.updated'].map((type) => stream.on(type, onUpdated)),
  ];
  void load();

  return {
    element,
    selected: () => [...selected].map((id) => alerts.get(id)).filter((a): a is Alert => Boolean(a)),
    clearSelection() { selected.clear(); render(); options.onSelectionChange([]); },
    upsert,
    destroy() { for (const off of offs) off(); },
  };
}

