// The ambassador page (mobile first): report a weak signal, then read and share approved talking points.
import { api, qs } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import type { PageContext } from '../../router.js';
import { card, empty } from '../../components/ui.js';
import { signalItem } from '../dashboard/signals.js';
import type { Items, Signal } from '../../types.js';
import { createFeed } from './feed.js';
import { createSignalForm } from './signal-form.js';

export function ambassadorPage({ me, root }: PageContext): () => void {
  const mine = h('div', { class: 'my-signals' });
  const unreadBadge = h('span', { class: 'count-badge', hidden: true });

  async function loadMine(): Promise<void> {
    try {
      const { items } = await api.get<Items<Signal>>(`/api/v1/signals${qs({ limit: 5 })}`);
      const own = items.filter((s) => s.reporter.id === me.id);
      mount(mine, own.length === 0 ? empty(t('signal.mine_none')) : h('ul', { class: 'signal-list' }, own.map((s) => signalItem(s))));
    } catch {
      mount(mine, empty(t('signal.mine_none')));
    }
  }

  const feed = createFeed((unread) => {
    unreadBadge.hidden = unread === 0;
    unreadBadge.textContent = String(unread);
    unreadBadge.setAttribute('aria-label', t('feed.unread', { count: unread }));
  });
  const form = createSignalForm(() => void loadMine());

  root.append(
    h('div', { class: 'page-header page-header-compact' },
      h('h1', { class: 'page-title' }, t('field.hello', { name: me.name.split(' ')[0] ?? me.name })),
      h('p', { class: 'page-lede' }, t('field.lede'))),
    h('div', { class: 'field-grid' },
      card(t('signal.title'), form, null, 'card-signal-form'),
      card([t('feed.title'), ' ', unreadBadge], feed.element, null, 'card-feed'),
      card(t('signal.mine'), mine, null, 'card-mine')));
  void loadMine();
  return () => feed.destroy();
}
