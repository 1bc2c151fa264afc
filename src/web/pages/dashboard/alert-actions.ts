// Acknowledge, resolve and snooze: the calls and the small dialogs that ask for a reason or a duration.
import { api } from '../../api.js';
import { h, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { minutes } from '../../format.js';
import { openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { errorMessage, field, textarea } from '../../components/ui.js';
import type { Alert, Me } from '../../types.js';

export const SNOOZE_CHOICES_MINUTES = [15, 60, 240, 1440];

export function canAct(me: Me): boolean {
  return me.role === 'crisis' || me.role === 'admin';
}

/** Acknowledges, with the note the acknowledger wrote (kept on the alert and in its timeline). */
export async function acknowledge(alert: Alert, note?: string): Promise<Alert | null> {
  try {
    const updated = await api.post<Alert>(`/api/v1/alerts/${encodeURIComponent(alert.id)}/ack`, note?.trim() ? { note: note.trim() } : {});
    toast(t('alerts.acked_toast', { title: alert.title }), 'success');
    return updated;
  } catch (err) {
    toast(errorMessage(err), 'error');
    return null;
  }
}

export function resolveWithReason(alert: Alert): Promise<Alert | null> {
  return new Promise((resolve) => {
    let done = false;
    const reason = textarea({ rows: 3, maxlength: 2000, placeholder: t('alerts.resolve_reason_placeholder') });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('alerts.resolve'));
    const form = h('form', { class: 'stack' },
      h('p', { class: 'muted' }, alert.title),
      field(t('alerts.resolve_reason'), reason),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit.disabled = true;
      const body = reason.value.trim() ? { reason: reason.value.trim() } : {};
      api.post<Alert>(`/api/v1/alerts/${encodeURIComponent(alert.id)}/resolve`, body)
        .then((updated) => { done = true; toast(t('alerts.resolved_toast'), 'success'); resolve(updated); dialog.close(); })
        .catch((err) => { submit.disabled = false; toast(errorMessage(err), 'error'); });
    });
    const dialog = openDialog(t('alerts.resolve_title'), form, { onClose: () => { if (!done) resolve(null); } });
    reason.focus();
  });
}

export function snoozeWithDuration(alert: Alert): Promise<Alert | null> {
  return new Promise((resolve) => {
    let done = false;
    const name = uid('snooze');
    const choices = SNOOZE_CHOICES_MINUTES.map((m, i) => {
      const id = `${name}-${m}`;
      return h('label', { class: 'choice', htmlFor: id },
        h('input', { type: 'radio', name, id, value: String(m), checked: i === 1 }),
        h('span', null, minutes(m)));
    });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('alerts.snooze'));
    const form = h('form', { class: 'stack' },
      h('p', { class: 'muted' }, alert.title),
      h('fieldset', { class: 'choices' }, h('legend', null, t('alerts.snooze_for')), choices),
      h('p', { class: 'field-hint' }, t('alerts.snooze_hint')),
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const picked = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
      const until = new Date(Date.now() + Number(picked?.value ?? 60) * 60_000).toISOString();
      submit.disabled = true;
      api.post<Alert>(`/api/v1/alerts/${encodeURIComponent(alert.id)}/snooze`, { until })
        .then((updated) => { done = true; toast(t('alerts.snoozed_toast'), 'success'); resolve(updated); dialog.close(); })
        .catch((err) => { submit.disabled = false; toast(errorMessage(err), 'error'); });
    });
    const dialog = openDialog(t('alerts.snooze_title'), form, { onClose: () => { if (!done) resolve(null); } });
  });
}

/** Gives the alert an owner from the crisis team (null: nobody); everyone watching sees it at once. */
export async function assign(alert: Alert, assigneeId: string | null): Promise<Alert | null> {
  try {
    const updated = await api.post<Alert>(`/api/v1/alerts/${encodeURIComponent(alert.id)}/assign`, { assignee_id: assigneeId });
    toast(updated.assignee ? t('alerts.assigned_toast', { name: updated.assignee.name }) : t('alerts.unassigned_toast'), 'success');
    return updated;
  } catch (err) {
    toast(errorMessage(err), 'error');
    return null;
  }
}
