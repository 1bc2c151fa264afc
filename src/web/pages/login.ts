// Sign-in. The server answers with the HttpOnly session cookie; the token in the JSON body is ignored on
// purpose so that no script can ever read a credential.
import { api, ApiError } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { languageSelect } from '../shell.js';
import { field, input } from '../components/ui.js';
import type { Me } from '../types.js';

export interface LoginOptions { message?: string | undefined; onSignedIn: (me: Me) => void }

export function renderLogin(app: HTMLElement, options: LoginOptions): void {
  document.title = `${t('login.title')} · Pilotfish`;
  const email = input({ type: 'email', name: 'email', autocomplete: 'username', required: true, autofocus: true });
  const password = input({ type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'form-error', role: 'alert' }, options.message ?? '');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block' }, t('login.submit'));

  const form = h('form', { class: 'login-form', novalidate: 'novalidate' },
    field(t('login.email'), email),
    field(t('login.password'), password),
    error,
    submit);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn();
  });

  async function signIn(): Promise<void> {
    error.textContent = '';
    if (!email.value.trim() || !password.value) {
      error.textContent = t('login.missing');
      return;
    }
    submit.disabled = true;
    submit.textContent = t('login.signing_in');
    try {
      const { user } = await api.post<{ user: Me }>('/api/v1/auth/login', { email: email.value.trim(), password: password.value }, { quiet401: true });
      options.onSignedIn(user);
    } catch (err) {
      error.textContent = err instanceof ApiError && err.status === 401 ? t('login.invalid')
        : err instanceof ApiError && err.status === 429 ? t('error.rate_limited') : t('error.network');
      password.select();
      submit.disabled = false;
      submit.textContent = t('login.submit');
    }
  }

  // Single sign-on, when the server offers it: a plain link, since the provider's pages are a full navigation.
  const sso = h('div', { class: 'login-sso', hidden: true },
    h('p', { class: 'login-or' }, t('login.or')),
    h('a', { class: 'btn btn-secondary btn-block', href: '/api/v1/auth/oidc/start' }, t('login.sso')));
  void api.get<{ enabled: boolean }>('/api/v1/auth/sso').then(({ enabled }) => { sso.hidden = !enabled; }).catch(() => { /* password login still works */ });

  mount(app,
    h('main', { class: 'login-page', id: 'main' },
      h('div', { class: 'login-card' },
        h('div', { class: 'login-brand' }, h('span', { class: 'brand-mark brand-mark-lg', 'aria-hidden': 'true' }), h('span', { class: 'brand-name' }, 'Pilotfish')),
        h('h1', { class: 'login-title' }, t('login.title')),
        h('p', { class: 'login-lede' }, t('login.lede')),
        form,
        sso),
      h('div', { class: 'login-footer' }, languageSelect(() => renderLogin(app, options)))));
  email.focus();
}
