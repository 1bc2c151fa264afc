// The alert detail drawer: why it fired (its own evidence: observed vs the model's expectation or a
// threshold, rising terms, the chart of its window), what people said (its own reports and mentions, shown
// strictly as text), what happened since (timeline, notifications).
import { api } from '../../api.js';
import { stream } from '../../stream.js';
import { externalLink, h, mount } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import { dateTime, number, timeEl } from '../../format.js';
import { openDialog } from '../../components/dialog.js';
import { badge, errorState, field, kv, loading, select, textarea } from '../../components/ui.js';
import type { Alert, AlertDetail, Me, Mention, NotificationRow, NotifiedTarget, Person, TimelineEntry } from '../../types.js';
import { acknowledge, assign, canAct, resolveWithReason, snoozeWithDuration } from './alert-actions.js';
import { loadResponders } from './filters.js';
import { alertMeta, notifiedList, stateLine } from './alert-view.js';
import { evidenceChart, evidenceMentions, referenceStats, risingTerms } from './evidence.js';
import { alertSummary, alertTitle } from './alert-text.js';

/** `focusAck`: opened from an email's "acknowledge" link — put the focus on the button, never act by itself. */
export function openAlertDetail(alert: Alert, me: Me, onUpdated: (alert: Alert) => void, onClose: () => void, focusAck = false): void {
  const content = h('div', { class: 'detail' }, loading());
  // Live: a step, an acknowledgement or a delivery elsewhere shows here without a reload.
  const offs = ['alert.escalated', 'alert.acknowledged', 'alert.resolved', 'alert.updated'].map((type) => stream.on(type, (event) => {
    if ((event.data as { id?: string }).id === alert.id) void load();
  }));
  const people = canAct(me) ? loadResponders() : Promise.resolve([]);
  // One note field for the drawer's life: a teammate's change re-renders the detail, never what is being typed.
  const note = textarea({ rows: 2, maxlength: 2000, class: 'input ack-note-input', placeholder: t('alerts.ack_note_placeholder') });
  const dialog = openDialog(alertTitle(alert), content, { wide: true, onClose: () => { for (const off of offs) off(); onClose(); } });
  dialog.element.classList.add('drawer');

  // Loads overlap (an action's own reload and the stream events it causes): only the newest answer is drawn,
  // so an older read that arrives late cannot put back what the alert was before (a note, an owner).
  let generation = 0;
  async function load(): Promise<void> {
    const mine = ++generation;
    try {
      const detail = await api.get<AlertDetail>(`/api/v1/alerts/${encodeURIComponent(alert.id)}`);
      if (mine !== generation) return;
      const title = dialog.element.querySelector('.dialog-title');
      if (title) title.textContent = alertTitle(detail);
      mount(content, ...renderDetail(detail));
      if (focusAck) content.querySelector<HTMLButtonElement>('[data-action="ack"]')?.focus();
      focusAck = false;
    } catch (err) {
      if (mine === generation) mount(content, errorState(err, () => void load()));
    }
  }

  function renderDetail(d: AlertDetail): HTMLElement[] {
    const after = (updated: Alert | null) => { if (updated) { onUpdated(updated); void load(); } };
    const ackForm = canAct(me) && d.status !== 'resolved' && d.status !== 'acknowledged'
      ? h('div', { class: 'ack-form' }, field(t('alerts.ack_note'), note)) : null;
    const actionBar = canAct(me) && d.status !== 'resolved' ? h('div', { class: 'detail-actions' },
      d.status !== 'acknowledged' ? h('button', { type: 'button', class: 'btn btn-primary', dataset: { action: 'ack' }, onclick: async () => after(await acknowledge(d, note.value)) }, t('alerts.ack')) : null,
      h('button', { type: 'button', class: 'btn btn-secondary', onclick: async () => after(await resolveWithReason(d)) }, t('alerts.resolve')),
      d.status !== 'snoozed' ? h('button', { type: 'button', class: 'btn btn-ghost', onclick: async () => after(await snoozeWithDuration(d)) }, t('alerts.snooze')) : null) : null;
    const e = d.explanation ?? {};
    // Alerts raised since evidence is stored carry their own; older ones fall back to the explanation.
    const ev = d.evidence ?? null;
    const state = stateLine(d);
    return [
      alertMeta(d),
      alertSummary(d) ? h('p', { class: 'detail-summary' }, alertSummary(d)) : null,
      state ? h('p', { class: 'muted' }, state) : null,
      d.ack_note && d.status === 'acknowledged' ? h('p', { class: 'ack-note' }, h('strong', null, t('alerts.ack_note_label')), ' ', d.ack_note) : null,
      canAct(me) && d.status !== 'resolved' ? assigneePicker(d, people, after) : d.assignee ? h('p', { class: 'muted' }, t('alerts.assigned_to', { name: d.assignee.name })) : null,
      ackForm,
      actionBar,
      h('section', { class: 'detail-section' },
        h('h3', null, t('detail.why')),
        ...(ev ? referenceStats(ev.reference) : [h('div', { class: 'stat-row' },
          stat(t('detail.observed'), number(e.observed, 1)),
          stat(t('detail.expected'), number(e.expected, 1)),
          stat(t('detail.factor'), e.factor !== undefined && Number.isFinite(e.factor) ? `×${number(e.factor, 1)}` : '—'))]),
        kv([
          [t('detail.window'), e.window ? `${dateTime(e.window.start)} → ${dateTime(e.window.end)}` : '—'],
          [t('detail.score'), number(d.score, 2)],
          [t('detail.opened'), dateTime(d.opened_at)],
        ]),
        ev ? risingTerms(ev) : e.top_terms && e.top_terms.length > 0
          ? h('div', { class: 'chips', 'aria-label': t('detail.top_terms') }, h('span', { class: 'chips-label' }, t('detail.top_terms')), e.top_terms.map((term) => h('span', { class: 'chip' }, term)))
          : null),
      ev ? evidenceChart(ev) : null,
      ev ? evidenceMentions(ev) : h('section', { class: 'detail-section' }, h('h3', null, t('detail.samples')), samples(d.samples ?? [])),
      h('section', { class: 'detail-section' }, h('h3', null, t('detail.timeline')), timeline(d.timeline ?? [])),
      d.escalation ? h('section', { class: 'detail-section' }, h('h3', null, t('detail.notifications')), deliveries(d)) : null,
    ].filter((x): x is HTMLElement => x !== null);
  }

  void load();
}

/** Who owns the alert: anyone of the crisis team, or nobody. */
function assigneePicker(d: AlertDetail, people: Promise<Person[]>, after: (updated: Alert | null) => void): HTMLElement {
  const current = d.assignee ?? null;
  const picker = select([{ value: '', label: t('alerts.nobody') }, ...(current ? [{ value: current.id, label: current.name }] : [])], { class: 'input assignee-select' });
  picker.value = current?.id ?? '';
  void people.then((list) => {
    const all = current && !list.some((p) => p.id === current.id) ? [current, ...list] : list;
    picker.replaceChildren(h('option', { value: '' }, t('alerts.nobody')), ...all.map((p) => h('option', { value: p.id }, p.name)));
    picker.value = current?.id ?? '';
  });
  picker.addEventListener('change', async () => after(await assign(d, picker.value || null)));
  return h('div', { class: 'assignee-field' }, field(t('alerts.assignee'), picker));
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
          : typeof d.title === 'string' ? d.title
            : d.assignee && typeof d.assignee === 'object' ? t('alerts.assigned_to', { name: String((d.assignee as { name?: unknown }).name ?? '') }) : null;
    return h('li', { class: 'timeline-item' },
      h('span', { class: 'timeline-dot', 'aria-hidden': 'true' }),
      h('div', null,
        h('p', { class: 'timeline-title' }, label, entry.actor ? h('span', { class: 'muted' }, ` · ${entry.actor.name}`) : null),
        note ? h('p', { class: 'timeline-note' }, note) : null,
        h('p', { class: 'timeline-time' }, timeEl(entry.at, 'absolute'))));
  }));
}

/**
 * Each escalation step that ran, with who it reached and how each delivery stands. A channel that is not
 * configured reads "email not configured", in grey: nothing failed, nothing was attempted.
 */
function deliveries(d: AlertDetail): HTMLElement {
  const total = d.escalation?.steps_total ?? 0;
  const steps = (d.timeline ?? []).filter((e) => e.type === 'notified' || e.type === 'escalated');
  if (steps.length === 0) return h('p', { class: 'muted' }, d.escalation?.next_at ? t('alerts.next_step', { when: dateTime(d.escalation.next_at) }) : t('detail.no_timeline'));
  return h('ol', { class: 'timeline deliveries' }, steps.map((entry) => {
    const details = entry.details ?? {};
    const index = typeof details.step === 'number' ? details.step : 0;
    const notified = Array.isArray(details.notified) ? details.notified as NotifiedTarget[] : [];
    const rows = (d.notifications ?? []).filter((n) => (n.step_index ?? 0) === index);
    const onScreen = notified.filter((n) => n.channel === 'ws');
    return h('li', { class: 'timeline-item', dataset: { step: String(index + 1) } },
      h('span', { class: 'timeline-dot', 'aria-hidden': 'true' }),
      h('div', null,
        h('p', { class: 'timeline-title' }, t('detail.step_n', { step: index + 1, total: total || index + 1 })),
        h('ul', { class: 'delivery-list' },
          onScreen.map((n) => h('li', { class: 'delivery' }, `${notifiedList([n])}`, ' ', badge(t('delivery.shown'), 'success'))),
          rows.map((n) => h('li', { class: 'delivery', dataset: { status: n.status } },
            `${n.recipient} (${t(`channel_kind.${n.channel}` as Key)})`, ' ', deliveryBadge(n),
            n.sent_at ? h('span', { class: 'muted small' }, ' ', timeEl(n.sent_at)) : null))),
        h('p', { class: 'timeline-time' }, timeEl(entry.at, 'absolute'))));
  }));
}

function deliveryBadge(n: NotificationRow): HTMLElement {
  if (n.status === 'skipped') return badge(n.channel === 'email' ? t('delivery.not_configured') : t('delivery.skipped'), 'neutral');
  const tone = n.status === 'sent' ? 'success' : n.status === 'dead' || n.status === 'failed' ? 'danger' : 'neutral';
  const el = badge(t(`delivery.${n.status}` as Key), tone);
  if (n.last_error && tone === 'danger') el.title = n.last_error;
  return el;
}
