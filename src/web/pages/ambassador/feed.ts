// Published talking points for this ambassador: read them, confirm, and share the approved wording.
import { api, ApiError } from '../../api.js';
import { h, mount } from '../../dom.js';
import { getLang, t } from '../../i18n.js';
import { timeEl } from '../../format.js';
import { stream } from '../../stream.js';
import { announce, toast } from '../../components/toast.js';
import { badge, empty, errorMessage, errorState, isMissingEndpoint, loading, notAvailable } from '../../components/ui.js';
import type { Items, TalkingPoint } from '../../types.js';
import { shareActions } from './share.js';

/** The point in the interface language when a variant exists. */
export function localized(point: TalkingPoint): { title: string; body: string } {
  const v = point.variants?.[getLang()];
  return v && v.title && v.body ? v : { title: point.title, body: point.body };
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function createFeed(onCount: (unread: number) => void, options: { canShare: boolean } = { canShare: true }): { element: HTMLElement; destroy(): void } {
  let points: TalkingPoint[] = [];
  const element = h('div', { class: 'feed' }, loading());

  function render(): void {
    onCount(points.filter((p) => !p.read_at).length);
    if (points.length === 0) {
      mount(element, empty(t('feed.none'), t('feed.none_hint')));
      return;
    }
    mount(element, h('ul', { class: 'feed-list' }, points.map(item)));
  }

  function item(point: TalkingPoint): HTMLElement {
    const { title, body } = localized(point);
    const posts = point.shareable ? (point.suggested_posts ?? []) : [];
    const shareTexts = posts.length > 0 ? posts : point.shareable ? [{ network: '', text: body }] : [];
    const readBtn = point.read_at
      ? h('p', { class: 'read-mark' }, '✓ ', t('feed.read_at'), ' ', timeEl(point.read_at))
      : h('button', { type: 'button', class: 'btn btn-primary btn-block', onclick: (e: Event) => void acknowledge(point, e.currentTarget as HTMLButtonElement) }, t('feed.ack'));
    return h('li', { class: `feed-item ${point.read_at ? 'is-read' : 'is-unread'}`, dataset: { pointId: point.id } },
      h('div', { class: 'feed-meta' },
        point.priority ? badge(t('feed.priority'), 'danger') : null,
        point.read_at ? null : badge(t('feed.new'), 'info'),
        point.version > 1 ? badge(t('feed.updated', { version: point.version }), 'neutral') : null,
        h('span', { class: 'meta-text' }, timeEl(point.published_at))),
      h('h3', { class: 'feed-title', tabindex: '-1' }, title),
      h('p', { class: 'feed-body' }, body),
      point.tags && point.tags.length > 0 ? h('div', { class: 'chips' }, point.tags.map((tag) => h('span', { class: 'chip' }, tag))) : null,
      shareTexts.length > 0 ? h('div', { class: 'share-block' },
        h('p', { class: 'share-label' }, t('feed.shareable')),
        shareTexts.map((post) => h('div', { class: 'share-post' },
          post.network ? h('span', { class: 'share-network' }, post.network) : null,
          h('p', { class: 'share-text' }, post.text),
          h('button', {
            type: 'button', class: 'btn btn-secondary btn-sm', onclick: async (e: Event) => {
              const btn = e.currentTarget as HTMLButtonElement;
              const ok = await copyText(post.text);
              btn.textContent = ok ? t('feed.copied') : t('feed.copy_failed');
              setTimeout(() => { btn.textContent = t('feed.copy'); }, 2500);
            },
          }, t('feed.copy')))),
        shareActions(point, title, options.canShare)) : null,
      readBtn);
  }

  async function acknowledge(point: TalkingPoint, btn: HTMLButtonElement): Promise<void> {
    btn.disabled = true;
    try {
      await api.post(`/api/v1/talking-points/${encodeURIComponent(point.id)}/ack`, {});
      point.read_at = new Date().toISOString();
      render();
      toast(t('feed.ack_toast'), 'success');
    } catch (err) {
      btn.disabled = false;
      toast(errorMessage(err), 'error');
    }
  }

  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<TalkingPoint>>('/api/v1/talking-points/feed');
      points = items.slice().sort((a, b) => Number(Boolean(a.read_at)) - Number(Boolean(b.read_at)) || (b.published_at ?? '').localeCompare(a.published_at ?? ''));
      render();
    } catch (err) {
      if (err instanceof ApiError && err.status === 403) mount(element, empty(t('feed.ambassadors_only')));
      else mount(element, isMissingEndpoint(err) ? notAvailable() : errorState(err, () => void load()));
    }
  }

  const off = stream.on('talking_point.published', (event) => {
    const point = event.data as unknown as TalkingPoint;
    void load().then(() => {
      if (point?.title) {
        toast(t('feed.new_toast', { title: point.title }), 'info', 8000);
        announce(t('feed.new_toast', { title: point.title }));
      }
    });
  });
  // A retired line must not stay on a phone with its Copy button: drop it at once and say why.
  const offRetired = stream.on('talking_point.retired', (event) => {
    const point = event.data as unknown as TalkingPoint;
    const shown = points.find((p) => p.id === point?.id);
    if (!shown) return;
    points = points.filter((p) => p.id !== point.id);
    render();
    const message = t('feed.retired_toast', { title: localized(shown).title });
    toast(message, 'info', 10_000);
    announce(message);
  });
  void load();
  return { element, destroy: () => { off(); offRetired(); } };
}
