// Entry point: find out who is signed in (the HttpOnly session cookie decides), then show the login page
// or the app. A 401 from any call later brings the login page back.
import { api, onUnauthorized } from './api.js';
import { h, mount } from './dom.js';
import { initLang, t } from './i18n.js';
import { startRelativeClock } from './format.js';
import { renderLogin } from './pages/login.js';
import { renderShell, type ShellHandle } from './shell.js';
import { initSound } from './sound.js';
import { openChangePassword } from './components/password.js';
import { stream } from './stream.js';
import { startOfflineQueue } from './offline-queue.js';
import { forgetOfflineData, keepLoadedResources, registerServiceWorker } from './pwa.js';
import type { Me } from './types.js';

const app = document.getElementById('app') ?? document.body;
let shell: ShellHandle | null = null;

function showLogin(message?: string): void {
  stream.stop();
  if (shell) forgetOfflineData();
  shell?.destroy();
  shell = null;
  renderLogin(app, { message, onSignedIn: start });
}

function start(me: Me): void {
  shell?.destroy();
  stream.start();
  startOfflineQueue(me.id);
  void keepLoadedResources(); // the session as it is now signed in, for an offline start
  shell = renderShell(app, me, () => showLogin());
  if (me.must_change_password) void openChangePassword(true).then((changed) => { if (changed) me.must_change_password = false; });
}

async function boot(): Promise<void> {
  registerServiceWorker();
  initLang();
  initSound();
  startRelativeClock();
  onUnauthorized(() => { if (shell) showLogin(t('login.expired')); });
  try {
    const { user } = await api.get<{ user: Me | null }>('/api/v1/auth/session');
    if (user) start(user);
    else showLogin();
  } catch {
    mount(app, h('div', { class: 'boot-error', role: 'alert' }, t('error.boot')));
  }
}

void boot();
