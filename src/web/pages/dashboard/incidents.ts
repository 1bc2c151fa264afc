// Declaring an incident from the selected alerts, and the list of open incidents.
import { stream } from '../../stream.js';
import { api } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { timeEl } from '../../format.js';
import { openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { empty, errorMessage, field, input, isMissingEndpoint, loading, notAvailable, setFieldError, severityBadge, textarea } from '../../components/ui.js';
import type { Alert, Incident, Items } from '../../types.js';

export function declareIncident(alerts: Alert[]): Promise<Incident | null> {
  return new Promise((resolve) => {
    let done = false;
    const title = input({ maxlength: 200, required: true, value: alerts[0]?.title ?? '' });
    const summary = textarea({ rows: 3, maxlength: 4000 });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('incidents.declare'));
    const form = h('form', { class: 'stack', novalidate: 'novalidate' },
      h('div', null,
        h('p', { class: 'field-label' }, t('incidents.alerts_included', { count: alerts.length })),
        h('ul', { class: 'plain-list' }, alerts.map((a) => h('li', null, severityBadge(a.severity), ' ', a.title)))),
      field(t('incidents.title'), title),
      field(t('incidents.summary'), summary, { hint: t('incidents.summary_hint') }),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!title.value.trim()) {
        setFieldError(title, t('common.required'));
        title.focus();
        return;
      }
      submit.disabled = true;
      api.post<Incident>('/api/v1/incidents', { title: title.value.trim(), alert_ids: alerts.map((a) => a.id), ...(summary.value.trim() ? { summary: summary.value.trim() } : {}) })
        .then((incident) => { done = true; toast(t('incidents.declared_toast', { title: incident.title }), 'success'); resolve(incident); dialog.close(); })
        .catch((err) => { submit.disabled = false; toast(errorMessage(err), 'error'); });
    });
    const dialog = openDialog(t('incidents.declare_title'), form, { onClose: () => { if (!done) resolve(null); } });
    title.focus();
  });
}

/** The open incidents, kept current by incident.* stream events (a teammate's declaration shows at once). */
export function createIncidentsPanel(): { element: HTMLElement; reload(): void; destroy(): void } {
  const element = h('div', { class: 'incidents' }, loading());
  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<Incident>>('/api/v1/incidents');
      const open = items.filter((i) => i.status === 'open');
      if (open.length === 0) {
        mount(element, empty(t('incidents.none')));
        return;
      }
      mount(element, h('ul', { class: 'incident-list' }, open.map((i) => h('li', { class: 'incident-item' },
        h('p', { class: 'incident-title' }, h('a', { href: `#/incidents/${encodeURIComponent(i.id)}` }, i.title)),
        h('p', { class: 'incident-sub' },
          t('incidents.alert_count', { count: i.alert_ids.length }), ' · ',
          i.declared_by ? `${i.declared_by.name} · ` : '', timeEl(i.created_at))))));
    } catch (err) {
      mount(element, isMissingEndpoint(err) ? notAvailable() : empty(errorMessage(err)));
    }
  }
  void load();
  const offs = ['incident.opened', 'incident.updated', 'incident.resolved'].map((type) => stream.on(type, () => void load()));
  return { element, reload: () => void load(), destroy: () => { for (const off of offs) off(); } };
}
