// Invitations (admins): invite one ambassador, or many from a CSV file with a report of every refused row;
// follow the invitations nobody has accepted yet, send one again (a new link) or revoke it.
import { api, ApiError } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { dateTime, timeEl } from '../../format.js';
import { confirmDialog, openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { badge, button, busy, card, empty, errorMessage, errorState, field, input, loading, select, setFieldError } from '../../components/ui.js';
import type { CsvReport, Items, PendingInvitation, User } from '../../types.js';

export function invitationsTab(root: HTMLElement): void {
  const pending = h('div', null, loading());
  root.append(
    card(t('inv.pending_title'), pending, button(t('inv.invite_one'), () => openInvite(), 'primary', { class: 'btn btn-primary btn-sm' })),
    csvCard(() => void load()));

  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<PendingInvitation>>('/api/v1/invitations');
      mount(pending, items.length === 0 ? empty(t('inv.pending_none'), t('inv.pending_none_hint')) : h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
        h('thead', null, h('tr', null, ...(['inv.col_name', 'inv.col_email', 'inv.col_groups', 'inv.col_invited', 'inv.col_link', 'inv.col_actions'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', null, items.map((p) => h('tr', null,
          h('td', null, h('span', { class: 'cell-title' }, p.name)),
          h('td', { class: 'truncate' }, p.email),
          h('td', null, p.groups.join(', ')),
          h('td', null, timeEl(p.invited_at)),
          h('td', null, p.expired ? badge(t('inv.link_expired'), 'muted') : h('span', { class: 'small muted' }, t('inv.link_valid_until', { when: dateTime(p.link_expires_at) }))),
          h('td', null, h('div', { class: 'row-actions' },
            button(t('inv.resend'), (e) => void busy(e.currentTarget as HTMLButtonElement, () => resend(p)), 'secondary', { class: 'btn btn-secondary btn-sm', 'aria-label': t('inv.resend_for', { name: p.name }) }),
            button(t('inv.revoke'), () => void revoke(p), 'ghost', { class: 'btn btn-ghost btn-sm', 'aria-label': t('inv.revoke_for', { name: p.name }) })))))))));
    } catch (err) {
      mount(pending, errorState(err, () => void load()));
    }
  }

  async function resend(p: PendingInvitation): Promise<void> {
    try {
      const res = await api.post<{ email_sent: boolean; email_error: string | null }>(`/api/v1/invitations/${encodeURIComponent(p.id)}/resend`);
      if (res.email_sent) toast(t('inv.resent_toast', { email: p.email }), 'success');
      else toast(t('inv.not_emailed', { email: p.email, reason: res.email_error ?? '' }), 'error');
      void load();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }

  async function revoke(p: PendingInvitation): Promise<void> {
    if (!(await confirmDialog(t('inv.revoke_title'), t('inv.revoke_confirm', { email: p.email }), t('inv.revoke'), true))) return;
    try {
      await api.del(`/api/v1/invitations/${encodeURIComponent(p.id)}`);
      toast(t('inv.revoked_toast'), 'success');
      void load();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }

  function openInvite(): void {
    const email = input({ type: 'email', required: true, autocomplete: 'off' });
    const name = input({ maxlength: 200, required: true, autocomplete: 'off' });
    const lang = select([{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]);
    const groups = input({ autocomplete: 'off' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('inv.send'));
    const form = h('form', { class: 'stack', novalidate: 'novalidate' },
      h('div', { class: 'form-grid' }, field(t('inv.name'), name), field(t('inv.email'), email), field(t('inv.language'), lang)),
      field(t('inv.groups'), groups, { hint: t('inv.groups_hint') }),
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      for (const c of [name, email]) setFieldError(c, null);
      if (!name.value.trim()) { setFieldError(name, t('common.required')); name.focus(); return; }
      if (!email.value.trim()) { setFieldError(email, t('common.required')); email.focus(); return; }
      void busy(submit, async () => {
        try {
          const res = await api.post<{ user: User; email_sent: boolean; email_error: string | null }>('/api/v1/invitations', {
            email: email.value.trim(), name: name.value.trim(), language: lang.value,
            groups: groups.value.split(',').map((g) => g.trim()).filter(Boolean),
          });
          dialog.close();
          if (res.email_sent) toast(t('inv.sent_toast', { email: res.user.email }), 'success');
          else toast(t('inv.not_emailed', { email: res.user.email, reason: res.email_error ?? '' }), 'error');
          void load();
        } catch (err) {
          if (err instanceof ApiError && (err.field === 'email' || err.status === 409)) { setFieldError(email, err.message); email.focus(); }
          else if (err instanceof ApiError && err.field === 'name') { setFieldError(name, err.message); name.focus(); }
          else toast(errorMessage(err), 'error');
        }
      });
    });
    const dialog = openDialog(t('inv.invite_title'), form, { wide: true });
    name.focus();
  }

  void load();
}

/** The CSV import: the file is read in the browser and sent as text; the report lists each refused row. */
function csvCard(onImported: () => void): HTMLElement {
  const file = input({ type: 'file', accept: '.csv,text/csv', name: 'csv' });
  const report = h('div', { class: 'invite-report', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('inv.csv_import'));
  const form = h('form', { class: 'stack', novalidate: 'novalidate' }, h('p', { class: 'muted small' }, t('inv.csv_hint')), field(t('inv.csv_file'), file), h('div', null, submit), report);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setFieldError(file, null);
    const chosen = file.files?.[0];
    if (!chosen) { setFieldError(file, t('inv.csv_choose')); file.focus(); return; }
    void busy(submit, async () => {
      try {
        const result = await api.post<CsvReport>('/api/v1/invitations/import', { csv: await chosen.text() });
        mount(report, reportView(result));
        onImported();
      } catch (err) {
        if (err instanceof ApiError && err.status === 400) setFieldError(file, err.message);
        else toast(errorMessage(err), 'error');
      }
    });
  });
  return card(t('inv.csv_title'), form);
}

function issuesTable(rows: CsvReport['refused']): HTMLElement {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
    h('thead', null, h('tr', null, ...(['inv.col_row', 'inv.col_email', 'inv.col_reason'] as const).map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', null, rows.map((r) => h('tr', null, h('td', null, String(r.row)), h('td', { class: 'truncate' }, r.email), h('td', null, r.reason))))));
}

function reportView(result: CsvReport): HTMLElement {
  return h('section', { 'aria-label': t('inv.report_title') },
    h('h3', null, t('inv.report_title')),
    h('p', { role: 'status' }, t('inv.report_summary', { invited: result.invited, rows: result.rows })),
    result.refused.length > 0 ? [h('h4', null, t('inv.report_refused')), issuesTable(result.refused)] : null,
    result.not_emailed.length > 0 ? [h('h4', null, t('inv.report_not_emailed')), issuesTable(result.not_emailed)] : null,
    result.refused.length === 0 && result.not_emailed.length === 0 ? h('p', { class: 'muted' }, t('inv.report_all_ok')) : null);
}
