// Changing one's own password. When the password was generated (first start, `user add`, an admin's
// form), the app asks for a new one right after signing in; the dialog says why.
import { api, ApiError } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { openDialog } from './dialog.js';
import { field, input, setFieldError } from './ui.js';
import { toast } from './toast.js';

export function openChangePassword(forced = false): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    const current = input({ type: 'password', name: 'current-password', autocomplete: 'current-password', required: true });
    const next = input({ type: 'password', name: 'new-password', autocomplete: 'new-password', required: true, minLength: 10 });
    const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, t('password.submit'));
    const form = h('form', { class: 'form', novalidate: true },
      forced ? h('p', { class: 'notice' }, t('password.forced')) : null,
      field(t('password.current'), current),
      field(t('password.new'), next, { hint: t('password.hint') }),
      h('div', { class: 'dialog-actions' }, submit));
    const dialog = openDialog(t('password.title'), form, { onClose: () => resolve(done) });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (next.value.length < 10) { setFieldError(next, t('password.hint')); return; }
      submit.disabled = true;
      try {
        await api.post('/api/v1/auth/password', { current_password: current.value, new_password: next.value });
        done = true;
        toast(t('password.changed'), 'success');
        dialog.close();
      } catch (err) {
        if (err instanceof ApiError && err.field === 'current_password') setFieldError(current, t('password.wrong'));
        else if (err instanceof ApiError && err.field === 'new_password') setFieldError(next, err.message);
        else toast(err instanceof Error ? err.message : String(err), 'error');
      } finally {
        submit.disabled = false;
      }
    });
  });
}
