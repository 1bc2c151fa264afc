// One-tap sharing of an approved talking point: the phone's share sheet (Web Share API), intent links for
// LinkedIn, X, Bluesky and Mastodon, and a copyable link. Every link is the point's tracked short link
// for the network (/r/:code), so comms sees how far the point travelled without knowing who clicked.
import { api, ApiError } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import type { ShareKit, ShareNetwork, TalkingPoint } from '../../types.js';

const INTENTS: ShareNetwork[] = ['linkedin', 'x', 'bluesky', 'mastodon'];

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function actions(kit: ShareKit, title: string): HTMLElement {
  const link = (network: ShareNetwork) => kit.links.find((l) => l.network === network)!;
  const native = typeof navigator.share === 'function'
    ? h('button', {
      type: 'button', class: 'btn btn-primary btn-sm share-native',
      onclick: () => void navigator.share({ title, text: kit.text, url: link('native').url }).catch(() => undefined),
    }, t('share.native'))
    : null;
  const copyBtn = h('button', { type: 'button', class: 'btn btn-secondary btn-sm share-copy-link' }, t('share.copy_link'));
  copyBtn.addEventListener('click', async () => {
    copyBtn.textContent = (await copy(link('copy').url)) ? t('share.link_copied') : link('copy').url;
  });
  return h('div', { class: 'share-actions' }, native,
    INTENTS.map((network) => {
      const label = t(`network.${network}`);
      return h('a', {
        href: link(network).intent_url ?? link(network).url, target: '_blank', rel: 'noopener noreferrer', class: 'btn btn-secondary btn-sm share-intent',
        dataset: { network }, 'aria-label': t('share.on', { network: label }),
      }, label);
    }),
    copyBtn);
}

/** The share actions of a published, shareable point with a link; null when it has none. */
export function shareActions(point: TalkingPoint, title: string, canShare: boolean): HTMLElement | null {
  if (!point.shareable || !point.share_url) return null;
  const box = h('div', { class: 'share-kit' });
  if (!canShare) {
    mount(box, h('p', { class: 'meta-text' }, t('share.charter_first')));
    return box;
  }
  void api.post<ShareKit>(`/api/v1/talking-points/${encodeURIComponent(point.id)}/share-links`, {})
    .then((kit) => mount(box, actions(kit, title)))
    .catch((err: unknown) => mount(box, h('p', { class: 'meta-text' }, err instanceof ApiError && err.code === 'charter_not_accepted' ? t('share.charter_first') : t('share.unavailable'))));
  return box;
}
