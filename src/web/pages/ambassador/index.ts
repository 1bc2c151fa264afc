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
import { prefillFromShare } from './shared.js';
import { createNotificationsControl } from './notifications.js';
import { flush, onQueueChange, queued } from '../../offline-queue.js';
import { charterGate, charterLink, crisisCardButton, loadCharterState } from './charter.js';
import { createTraining } from './training.js';
import type { CharterState } from '../../types.js';

function focusPoint(root: HTMLElement, id: string, tries = 50): void {
  const item = root.querySelector<HTMLElement>(`.feed-item[data-point-id="${CSS.escape(id)}"]`);
  if (!item) {
    if (tries > 0) setTimeout(() => focusPoint(root, id, tries - 1), 100);
    return;
  }
  item.scrollIntoView({ block: 'start' });
  item.querySelector<HTMLElement>('.feed-title')?.focus();
}

export function ambassadorPage(ctx: PageContext): () => void {
  // The charter decides what the page offers: read it first, then render (offline: as without a charter).
  let cleanup: (() => void) | null = null;
  let left = false;
  const rerender = () => {
    cleanup?.();
    ctx.root.replaceChildren();
    void loadCharterState().then((state) => { if (!left) cleanup = renderPage(ctx, state, rerender); });
  };
  rerender();
  return () => { left = true; cleanup?.(); };
}

function renderPage({ me, root, params, query }: PageContext, charter: CharterState | null, rerender: () => void): () => void {
  const gated = charter?.must_accept === true && charter.charter !== null;
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
  }, { canShare: !gated });
  unreadLink.addEventListener('click', () => {
    feedCard.scrollIntoView({ behavior: 'smooth', block: 'start' });
    feedCard.querySelector<HTMLElement>('.feed-item.is-unread .feed-title')?.focus();
  });
  // Opened from the phone's share sheet (#/field/share?title&text&url): the form comes prefilled, first.
  const shared = params[0] === 'share' ? prefillFromShare(query) : null;
  const form = gated ? h('p', { class: 'charter-required' }, t('charter.required')) : createSignalForm(() => void loadMine(), shared);
  const training = createTraining();
  // Reports written offline: say how many wait on this phone; they leave when the network returns.
  const pending = h('p', { class: 'queue-note', role: 'status' });
  const showPending = (count: number) => { pending.hidden = count === 0; pending.textContent = t('signal.queued_count', { count }); };
  showPending(queued().length);
  const offQueue = onQueueChange((count) => { showPending(count); if (count === 0) void loadMine(); });
  // Queued reports wait while the charter gate is up: the server would refuse them.
  if (!gated) void flush(() => void loadMine());
  const feedCard = card([t('feed.title'), ' ', unreadBadge], feed.element, null, 'card-feed');

  root.append(
    h('div', { class: 'page-header page-header-compact' },
      h('div', null,
        h('h1', { class: 'page-title' }, t('field.hello', { name: me.name.split(' ')[0] ?? me.name })),
        h('p', { class: 'page-lede' }, t('field.lede')),
        unreadLink)),
    crisisCardButton(charter) ?? '',
    gated ? charterGate(charter as CharterState & { charter: NonNullable<CharterState['charter']> }, rerender) : '',
    h('div', { class: 'field-grid' },
      card(t('signal.title'), form, null, 'card-signal-form'),
      feedCard,
      card(t('signal.mine'), [pending, mine], null, 'card-mine'),
      card(t('training.title'), training.element, charterLink(charter), 'card-training'),
      card(t('push.title'), createNotificationsControl(me), null, 'card-push')));
  // A notification's tap opens #/field/point/<id>: bring that point into view once the feed shows it.
  if (params[0] === 'point' && params[1]) focusPoint(root, params[1]);
  void loadMine();
  if (shared) root.querySelector<HTMLElement>('.card-signal-form textarea')?.focus();
  return () => { feed.destroy(); offQueue(); };
}
