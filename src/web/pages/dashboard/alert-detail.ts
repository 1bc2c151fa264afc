// The alert detail drawer: why it fired (observed vs expected, factor, window, top terms), what people
// said (sample mentions, shown strictly as text), what happened since (timeline, notifications).
import { api } from '../../api.js';
import { externalLink, h, mount } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import { dateTime, number, timeEl } from '../../format.js';
import { openDialog } from '../../components/dialog.js';
import { badge, errorState, kv, loading } from '../../components/ui.js';
import type { Alert, AlertDetail, Me, Mention, NotificationRow, TimelineEntry } from '../../types.js';
import { acknowledge, canAct, resolveWithReason, snoozeWithDuration } from './alert-actions.js';
import { alertMeta, stateLine } from './alert-view.js';

/** `focusAck`: opened from an email's "acknowledge" link — put the focus on the button, never act by itself. */
export function openAlertDetail(alert: Alert, me: Me, onUpdated: (alert: Alert) => void, onClose: () => void, focusAck = false): void {
  const content = h('div', { class: 'detail' }, loading());
  const dialog = openDialog(alert.title, content, { wide: true, onClose });
  dialog.element.classList.add('drawer');

  async function load(): Promise<void> {
    try {
      const detail = await api.get<AlertDetail>(`/api/v1/alerts/${encodeURIComponent(alert.id)}`);
      const title = dialog.element.querySelector('.dialog-title');
      if (title) title.textContent = detail.title;
      mount(content, ...renderDetail(detail));
      if (focusAck) content.querySelector<HTMLButtonElement>('[data-action="ack"]')?.focus();
      focusAck = false;
    } catch (err) {
      mount(content, errorState(err, () => void load()));
    }
  }

  function renderDetail(d: AlertDetail): HTMLElement[] {
    const after = (updated: Alert | null) => { if (updated) { onUpdated(updated); void load(); } };
    const actionBar = canAct(me) && d.status !== 'resolved' ? h('div', { class: 'detail-actions' },
      d.status !== 'acknowledged' ? h('button', { type: 'button', class: 'btn btn-primary', dataset: { action: 'ack' }, onclick: async () => after(await acknowledge(d)) }, t('alerts.ack')) : null,
      h('button', { type: 'button', class: 'btn btn-secondary', onclick: async () => after(await resolveWithReason(d)) }, t('alerts.resolve')),
      d.status !== 'snoozed' ? h('button', { type: 'button', class: 'btn btn-ghost', onclick: async () => after(await snoozeWithDuration(d)) }, t('alerts.snooze')) : null) : null;
    const e = d.explanation ?? {};
    const state = stateLine(d);
    return [
      alertMeta(d),
      e.summary ? h('p', { class: 'detail-summary' }, e.summary) : null,
      state ? h('p', { class: 'muted' }, state) : null,
      actionBar,
      h('section', { class: 'detail-section' },
        h('h3', null, t('detail.why')),
        h('div', { class: 'stat-row' },
          stat(t('detail.observed'), number(e.observed, 1)),
          stat(t('detail.expected'), number(e.expected, 1)),
          stat(t('detail.factor'), e.factor !== undefined && Number.isFinite(e.factor) ? `×${number(e.factor, 1)}` : '—')),
        kv([
          [t('detail.window'), e.window ? `${dateTime(e.window.start)} → ${dateTime(e.window.end)}` : '—'],
          [t('detail.score'), number(d.score, 2)],
          [t('detail.opened'), dateTime(d.opened_at)],
        ]),
        e.top_terms && e.top_terms.length > 0
          ? h('div', { class: 'chips', 'aria-label': t('detail.top_terms') }, h('span', { class: 'chips-label' }, t('detail.top_terms')), e.top_terms.map((term) => h('span', { class: 'chip' }, term)))
          : null),
      h('section', { class: 'detail-section' }, h('h3', null, t('detail.samples')), samples(d.samples ?? [])),
      h('section', { class: 'detail-section' }, h('h3', null, t('detail.timeline')), timeline(d.timeline ?? [])),
      d.notifications && d.notifications.length > 0 ? h('section', { class: 'detail-section' }, h('h3', null, t('detail.notifications')), notifications(d.notifications)) : null,
    ].filter((x): x is HTMLElement => x !== null);
  }

  void load();
}

function stat(label: string, value: string): HTMLElement {
  return h('div', { class: 'stat' }, h('span', { class: 'stat-value' }, value), h('span', { class: 'stat-label' }, label));
}

export function mentionItem(m: Mention): HTMLElement {
  return h('li', { class: 'mention' },
    h('p', { class: 'mention-text' }, m.text),
    h('div', { class: 'mention-meta' },
      m.label ? badge(t(`label.${m.label}` as Key), `label-${m.label}`) : null,
      m.author ? h('span', null, m.author) : null,
      m.source_kind ? h('span', null, t(`source_kind.${m.source_kind}` as Key)) : null,
      timeEl(m.published_at),
      m.url ? externalLink(m.url, t('common.open_link')) : null));
}

function samples(items: Mention[]): HTMLElement {
  if (items.length === 0) return h('p', { class: 'muted' }, t('detail.no_samples'));
  return h('ul', { class: 'mention-list' }, items.map(mentionItem));
}

function timeline(items: TimelineEntry[]): HTMLElement {
  if (items.length === 0) return h('p', { class: 'muted' }, t('detail.no_timeline'));
  return h('ol', { class: 'timeline' }, items.map((entry) => {
    const key = `timeline.${entry.type}` as Key;
    const label = t(key) === key ? entry.type : t(key);
    const d = entry.details ?? {};
    const note = typeof d.note === 'string' ? d.note
      : typeof d.reason === 'string' ? d.reason
        : typeof d.channel === 'string' && typeof d.recipient === 'string' ? `${t(`channel_kind.${d.channel}` as Key)} → ${d.recipient}${typeof d.error === 'string' ? ` (${d.error})` : ''}`
          : typeof d.title === 'string' ? d.title : null;
    return h('li', { class: 'timeline-item' },
      h('span', { class: 'timeline-dot', 'aria-hidden': 'true' }),
      h('div', null,
        h('p', { class: 'timeline-title' }, label, entry.actor ? h('span', { class: 'muted' }, ` · ${entry.actor.name}`) : null),
        note ? h('p', { class: 'timeline-note' }, note) : null,
        h('p', { class: 'timeline-time' }, timeEl(entry.at, 'absolute'))));
  }));
}

function notifications(items: NotificationRow[]): HTMLElement {
  return h('table', { class: 'table table-compact' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('detail.channel')), h('th', { scope: 'col' }, t('detail.recipient')), h('th', { scope: 'col' }, t('detail.status')), h('th', { scope: 'col' }, t('detail.sent')))),
    h('tbody', null, items.map((n) => h('tr', null,
      h('td', null, n.channel), h('td', { class: 'truncate' }, n.recipient),
      h('td', null, badge(n.status, n.status === 'sent' ? 'success' : n.status === 'dead' ? 'danger' : 'neutral'), n.last_error ? h('span', { class: 'muted small', title: n.last_error }, ' ⚠') : null),
      h('td', null, timeEl(n.sent_at))))));
}
