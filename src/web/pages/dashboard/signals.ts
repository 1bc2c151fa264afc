// Weak signals reported by ambassadors, newest first, arriving live. Their text is shown as text.
import { api, qs } from '../../api.js';
import { externalLink, h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { channelLabel } from '../../labels.js';
import { timeEl } from '../../format.js';
import { stream } from '../../stream.js';
import { announce } from '../../components/toast.js';
import { empty, errorState, loading, severityBadge } from '../../components/ui.js';
import type { Items, Signal, StreamEvent } from '../../types.js';

const MAX_SHOWN = 25;

export function signalItem(s: Signal, isNew = false): HTMLElement {
  return h('li', { class: `signal-item sev-${s.severity} ${isNew ? 'is-new' : ''}`, dataset: { signalId: s.id } },
    h('div', { class: 'signal-meta' },
      severityBadge(s.severity),
      s.channel ? h('span', { class: 'meta-text' }, channelLabel(s.channel)) : null,
      h('span', { class: 'meta-text' }, s.reporter.name),
      h('span', { class: 'meta-text' }, timeEl(s.created_at))),
    h('p', { class: 'signal-text' }, s.text),
    s.url ? h('p', { class: 'signal-link' }, externalLink(s.url, s.url)) : null,
    s.preview ? linkPreview(s.preview) : null);
}

/**
 * The shared page as the server read it. The image is a link, not an <img>: loading third-party images
 * would need a looser CSP and would tell every tracker on that host who is watching the crisis.
 */
function linkPreview(p: NonNullable<Signal['preview']>): HTMLElement {
  return h('div', { class: 'link-preview' },
    p.site_name ? h('p', { class: 'link-preview-site' }, p.site_name) : null,
    p.title ? h('p', { class: 'link-preview-title' }, p.title) : null,
    p.description ? h('p', { class: 'link-preview-desc' }, p.description) : null,
    p.image_url ? h('p', { class: 'link-preview-image' }, externalLink(p.image_url, t('signals.preview_image'))) : null);
}

export function createSignalsPanel(): { element: HTMLElement; destroy(): void } {
  const signals: Signal[] = [];
  const freshIds = new Set<string>();
  const list = h('ul', { class: 'signal-list' });
  const element = h('div', { class: 'signals' }, loading());

  function render(): void {
    if (signals.length === 0) {
      mount(element, empty(t('signals.none'), t('signals.none_hint')));
      return;
    }
    mount(list, signals.slice(0, MAX_SHOWN).map((s) => signalItem(s, freshIds.has(s.id))));
    if (list.parentElement !== element) mount(element, list);
  }

  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<Signal>>(`/api/v1/signals${qs({ limit: MAX_SHOWN })}`);
      for (const s of items) if (!signals.some((x) => x.id === s.id)) signals.push(s);
      signals.sort((a, b) => b.created_at.localeCompare(a.created_at));
      render();
    } catch (err) {
      mount(element, errorState(err, () => void load()));
    }
  }

  const off = stream.on('signal.reported', (event: StreamEvent) => {
    const s = event.data as unknown as Signal;
    if (!s?.id || signals.some((x) => x.id === s.id)) return;
    signals.unshift(s);
    freshIds.add(s.id);
    setTimeout(() => freshIds.delete(s.id), 8000);
    render();
    announce(t('signals.new_announce', { name: s.reporter?.name ?? '', severity: t(`severity.${s.severity}`) }));
  });
  void load();
  return { element, destroy: off };
}
