// The signed-in frame: top bar (brand, role-aware navigation, live status, sound, language, user) and the
// page area the router fills.
import { api } from './api.js';
import { h, mount } from './dom.js';
import { getLang, LANGS, setLang, t } from './i18n.js';
import { homeFor, resolve, ROUTES, type Page } from './router.js';
import { isMuted, setMuted } from './sound.js';
import { stream, type StreamStatus } from './stream.js';
import { errorState, loading } from './components/ui.js';
import { openChangePassword } from './components/password.js';
import { announce, toast } from './components/toast.js';
import type { Me, TalkingPoint } from './types.js';

export interface ShellHandle { destroy(): void }

export function renderShell(app: HTMLElement, me: Me, onSignOut: () => void): ShellHandle {
  const main = h('main', { id: 'main', class: 'main', tabindex: '-1' });
  const nav = h('nav', { class: 'mainnav', 'aria-label': t('nav.label') });
  const statusDot = h('span', { class: 'live-status', role: 'status' });
  const header = h('header', { class: 'topbar' },
    h('a', { class: 'skip-link', href: '#main', onclick: (e: Event) => { e.preventDefault(); main.focus(); } }, t('nav.skip')),
    h('a', { class: 'brand', href: `#/${homeFor(me.role)}` }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), h('span', { class: 'brand-name' }, 'Pilotfish')),
    nav,
    h('div', { class: 'topbar-tools' },
      statusDot,
      me.role === 'ambassador' ? null : muteToggle(),
      languageSelect(() => rerender()),
      h('button', { type: 'button', class: 'user-chip', title: t('password.title'), onclick: () => void openChangePassword() },
        h('span', { class: 'user-name' }, me.name),
        h('span', { class: 'user-role' }, t(`role.${me.role}`))),
      h('button', { type: 'button', class: 'btn btn-ghost btn-sm', onclick: () => void signOut() }, t('nav.logout'))));
  mount(app, header, main, h('div', { id: 'live-region', class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' }));

  const offStatus = stream.onStatus((status: StreamStatus) => {
    statusDot.className = `live-status is-${status}`;
    statusDot.textContent = t(`live.${status}`);
  });

  // A draft sent back to its author says why, wherever the author is in the app.
  const offSentBack = stream.on('talking_point.sent_back', (event) => {
    const point = event.data as unknown as TalkingPoint;
    if (point.author?.id !== me.id || !point.sent_back) return;
    const message = t('comms.sent_back_toast', { title: point.title, reason: point.sent_back.reason });
    toast(message, 'info', 15_000);
    announce(message);
  });

  let cleanup: (() => void) | void;
  let renderSeq = 0;

  function renderNav(activeId: string): void {
    const routes = ROUTES.filter((r) => r.nav && r.roles.includes(me.role));
    nav.hidden = routes.length < 2; // an ambassador has one page: the brand link is enough
    mount(nav, routes.map((r) => h('a', {
      href: `#/${r.id}`, class: `nav-link ${r.id === activeId ? 'is-active' : ''}`, ...(r.id === activeId ? { 'aria-current': 'page' } : {}),
    }, t(r.label))));
  }

  async function renderRoute(): Promise<void> {
    const seq = ++renderSeq;
    const where = resolve(location.hash, me.role);
    if (!where.route) {
      location.replace(`#/${homeFor(me.role)}`);
      return;
    }
    renderNav(where.route.id);
    if (typeof cleanup === 'function') cleanup();
    cleanup = undefined;
    mount(main, loading());
    let page: Page;
    try {
      page = await where.route.load();
    } catch (err) {
      mount(main, errorState(err, () => void renderRoute()));
      return;
    }
    if (seq !== renderSeq) return;
    const root = h('div', { class: `page page-${where.route.id}` });
    mount(main, root);
    document.title = `${t(where.route.label)} · Pilotfish`;
    cleanup = page({ me, root, params: where.params, query: where.query });
  }

  function rerender(): void {
    handle.destroy();
    Object.assign(handle, renderShell(app, me, onSignOut));
  }

  async function signOut(): Promise<void> {
    try { await api.post('/api/v1/auth/logout', {}, { quiet401: true }); } catch { /* signed out either way */ }
    handle.destroy();
    onSignOut();
  }

  const onHash = () => void renderRoute();
  window.addEventListener('hashchange', onHash);
  void renderRoute();

  const handle: ShellHandle = {
    destroy() {
      window.removeEventListener('hashchange', onHash);
      offStatus();
      offSentBack();
      if (typeof cleanup === 'function') cleanup();
      cleanup = undefined;
    },
  };
  return handle;
}

function muteToggle(): HTMLButtonElement {
  const btn = h('button', { type: 'button', class: 'btn btn-ghost btn-sm sound-toggle' });
  const paint = () => {
    const muted = isMuted();
    btn.setAttribute('aria-pressed', String(!muted));
    btn.textContent = muted ? t('sound.off') : t('sound.on');
    btn.title = t('sound.toggle');
  };
  btn.addEventListener('click', () => { setMuted(!isMuted()); paint(); });
  paint();
  return btn;
}

export function languageSelect(onChange: () => void): HTMLElement {
  const sel = h('select', { class: 'input input-sm lang-select', id: 'lang-select' },
    LANGS.map((l) => h('option', { value: l, selected: l === getLang() }, l === 'fr' ? 'Français' : 'English')));
  sel.addEventListener('change', () => { setLang(sel.value === 'fr' ? 'fr' : 'en'); onChange(); });
  return h('div', { class: 'lang-field' }, h('label', { htmlFor: 'lang-select', class: 'sr-only' }, t('nav.language')), sel);
}
