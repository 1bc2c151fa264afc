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
  // On a phone the feed sits below the form: say there is something new to read, and take them there.
  const unreadLink = h('button', { type: 'button', class: 'unread-banner', hidden: true });

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
    unreadLink.hidden = unread === 0;
    unreadLink.textContent = t('feed.unread_banner', { count: unread });
  });
  unreadLink.addEventListener('click', () => {
    feedCard.scrollIntoView({ behavior: 'smooth', block: 'start' });
    feedCard.querySelector<HTMLElement>('.feed-item.is-unread .feed-title')?.focus();
  });
  const form = createSignalForm(() => void loadMine());
  const feedCard = card([t('feed.title'), ' ', unreadBadge], feed.element, null, 'card-feed');

  root.append(
    h('div', { class: 'page-header page-header-compact' },
      h('div', null,
        h('h1', { class: 'page-title' }, t('field.hello', { name: me.name.split(' ')[0] ?? me.name })),
        h('p', { class: 'page-lede' }, t('field.lede')),
        unreadLink)),
    h('div', { class: 'field-grid' },
      card(t('signal.title'), form, null, 'card-signal-form'),
      feedCard,
      card(t('signal.mine'), mine, null, 'card-mine')));
  void loadMine();
  return () => feed.destroy();
}
