// The "notify me" control on the field page: ambassadors get talking points on this device; crisis members
// and admins may also ask for new alerts.
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { disablePush, enablePush, pushState, type PushState } from '../../push.js';
import type { Me } from '../../types.js';

export function createNotificationsControl(me: Me): HTMLElement {
  const host = h('div', { class: 'push-control' });
  const mayAlert = me.role === 'crisis' || me.role === 'admin';
  const alerts = h('input', { type: 'checkbox', id: 'push-alerts' });
  let busy = false;

  function render(state: PushState): void {
    if (state === 'unsupported') return mount(host, h('p', { class: 'field-hint' }, t('push.unsupported')));
    if (state === 'denied') return mount(host, h('p', { class: 'field-hint' }, t('push.denied')));
    const button = h('button', { type: 'button', class: `btn ${state === 'on' ? 'btn-secondary' : 'btn-primary'} btn-block` }, t(state === 'on' ? 'push.turn_off' : 'push.turn_on'));
    button.addEventListener('click', () => void toggle(state));
    mount(host,
      h('p', { class: 'field-hint', role: 'status' }, t(state === 'on' ? 'push.on' : 'push.off')),
      mayAlert ? h('p', { class: 'checkbox-line' }, alerts, ' ', h('label', { htmlFor: 'push-alerts' }, t('push.alerts'))) : null,
      button);
  }

  async function toggle(state: PushState): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      render(state === 'on' ? await disablePush() : await enablePush(mayAlert && alerts.checked));
    } catch {
      mount(host, h('p', { class: 'form-error', role: 'alert' }, t('push.failed')));
    } finally {
      busy = false;
    }
  }

  void pushState().then(render).catch(() => render('unsupported'));
  return host;
}
