// Users: create (a password is generated when left empty and shown once), change role, disable.
import { api, ApiError } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { timeEl } from '../../format.js';
import { openDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { badge, button, busy, card, empty, errorMessage, errorState, field, input, loading, select, setFieldError } from '../../components/ui.js';
import type { Items, Role, User } from '../../types.js';

const ROLES: Role[] = ['ambassador', 'crisis', 'comms', 'admin'];

export function usersTab(root: HTMLElement): void {
  const list = h('div', null, loading());
  root.append(card(t('users.title'), list, button(t('users.new'), () => openCreate(), 'primary', { class: 'btn btn-primary btn-sm' })));

  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<User>>('/api/v1/users');
      const sorted = items.slice().sort((a, b) => Number(a.disabled) - Number(b.disabled) || a.name.localeCompare(b.name));
      mount(list, sorted.length === 0 ? empty(t('users.none')) : h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
        h('thead', null, h('tr', null, ...['users.col_name', 'users.col_email', 'users.col_role', 'users.col_status', 'users.col_created'].map((k) => h('th', { scope: 'col' }, t(k as 'users.col_name'))))),
        h('tbody', null, sorted.map((u) => h('tr', { class: u.disabled ? 'is-disabled' : '' },
          h('td', null, h('span', { class: 'cell-title' }, u.name)),
          h('td', { class: 'truncate' }, u.email),
          h('td', null, roleSelect(u)),
          h('td', null, disableToggle(u)),
          h('td', null, timeEl(u.created_at))))))));
    } catch (err) {
      mount(list, errorState(err, () => void load()));
    }
  }

  function roleSelect(u: User): HTMLElement {
    const sel = select(ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })), { class: 'input input-sm', 'aria-label': t('users.role_for', { name: u.name }) });
    sel.value = u.role;
    sel.addEventListener('change', async () => {
      sel.disabled = true;
      try {
        await api.patch(`/api/v1/users/${encodeURIComponent(u.id)}`, { role: sel.value });
        toast(t('users.role_changed', { name: u.name, role: t(`role.${sel.value as Role}`) }), 'success');
      } catch (err) {
        sel.value = u.role;
        toast(errorMessage(err), 'error');
      } finally {
        sel.disabled = false;
      }
    });
    return sel;
  }

  function disableToggle(u: User): HTMLElement {
    return h('div', { class: 'cell-status' },
      u.disabled ? badge(t('common.disabled'), 'muted') : badge(t('common.active'), 'success'),
      button(u.disabled ? t('users.enable') : t('users.disable'), (e) => void busy(e.currentTarget as HTMLButtonElement, async () => {
        try {
          await api.patch(`/api/v1/users/${encodeURIComponent(u.id)}`, { disabled: !u.disabled });
          void load();
        } catch (err) {
          toast(errorMessage(err), 'error');
        }
      }), 'ghost', { class: 'btn btn-ghost btn-sm' }));
  }

  function openCreate(): void {
    const email = input({ type: 'email', required: true, autocomplete: 'off' });
    const name = input({ maxlength: 200, required: true });
    const role = select(ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })));
    const lang = select([{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]);
    const password = input({ type: 'password', autocomplete: 'new-password', minlength: '10' });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('users.create'));
    const form = h('form', { class: 'stack', novalidate: 'novalidate' },
      h('div', { class: 'form-grid' }, field(t('users.name'), name), field(t('users.email'), email), field(t('users.role'), role), field(t('users.lang'), lang)),
      field(t('users.password'), password, { hint: t('users.password_hint') }),
      h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => dialog.close() }, t('common.cancel')), submit));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      for (const c of [name, email, password]) setFieldError(c, null);
      if (!name.value.trim()) { setFieldError(name, t('common.required')); name.focus(); return; }
      if (!email.value.trim()) { setFieldError(email, t('common.required')); email.focus(); return; }
      if (password.value && password.value.length < 10) { setFieldError(password, t('users.password_short')); password.focus(); return; }
      void busy(submit, async () => {
        try {
          const res = await api.post<{ user: User; generated_password: string | null }>('/api/v1/users', {
            email: email.value.trim(), name: name.value.trim(), role: role.value, lang: lang.value, ...(password.value ? { password: password.value } : {}),
          });
          dialog.close();
          void load();
          if (res.generated_password) showPassword(res.user, res.generated_password);
          else toast(t('users.created_toast', { name: res.user.name }), 'success');
        } catch (err) {
          if (err instanceof ApiError && (err.field === 'email' || err.status === 409)) { setFieldError(email, err.message); email.focus(); }
          else toast(errorMessage(err), 'error');
        }
      });
    });
    const dialog = openDialog(t('users.new_title'), form, { wide: true });
    name.focus();
  }

  void load();
}

function showPassword(user: User, password: string): void {
  const box = input({ value: password, readOnly: true, class: 'input mono', 'aria-label': t('users.password') });
  openDialog(t('users.created_title', { name: user.name }), h('div', { class: 'stack' },
    h('div', { class: 'notice notice-warning', role: 'note' }, t('users.password_once')),
    h('p', null, user.email),
    box));
  box.select();
}
