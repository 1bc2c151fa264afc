// Source health at a glance: which collectors are fine, failing, or switched off.
import { api } from '../../api.js';
import { stream } from '../../stream.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { number, timeEl } from '../../format.js';
import { empty, errorState, loading } from '../../components/ui.js';
import type { Items, Source } from '../../types.js';

export type Health = 'ok' | 'failing' | 'disabled' | 'pending';

export function healthOf(s: Source): Health {
  if (!s.enabled) return 'disabled';
  if (s.consecutive_failures > 0 || s.last_error) return 'failing';
  if (s.kind === 'rss' && !s.last_success_at) return 'pending';
  return 'ok';
}

export function healthBadge(s: Source): HTMLElement {
  const health = healthOf(s);
  return h('span', { class: `health health-${health}` }, h('span', { class: 'health-dot', 'aria-hidden': 'true' }), t(`health.${health}`));
}

/**
 * How often the panel re-reads health while the page is open. Collectors report no stream event of their own
 * (a poll every few seconds per source would flood every socket), so the panel reads again on a timer, when
 * the live stream reconnects, and when an alert is raised (the moment someone looks at where mentions come from).
 */
const REFRESH_MS = 30_000;

export function createSourcesHealth(): { element: HTMLElement; reload(): void; destroy(): void } {
  const element = h('div', { class: 'sources-health' }, loading());

  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<Source>>('/api/v1/sources');
      const shown = items.filter((s) => s.kind !== 'ambassador');
      if (shown.length === 0) {
        mount(element, empty(t('sources.none'), t('sources.none_hint')));
        return;
      }
      const order: Record<Health, number> = { failing: 0, pending: 1, ok: 2, disabled: 3 };
      shown.sort((a, b) => order[healthOf(a)] - order[healthOf(b)] || a.name.localeCompare(b.name));
      mount(element, h('ul', { class: 'source-list' }, shown.map((s) => h('li', { class: 'source-item' },
        h('div', { class: 'source-line' }, h('span', { class: 'source-name' }, s.name), healthBadge(s)),
        h('div', { class: 'source-sub' },
          h('span', null, t(`source_kind.${s.kind}`)),
          h('span', null, t('sources.items', { count: number(s.items_collected) })),
          s.last_success_at ? h('span', null, t('sources.last_ok'), ' ', timeEl(s.last_success_at)) : null),
        s.last_error ? h('p', { class: 'source-error', title: s.last_error }, s.last_error) : null))));
    } catch (err) {
      mount(element, errorState(err, () => void load()));
    }
  }

  const timer = setInterval(() => { if (document.visibilityState === 'visible') void load(); }, REFRESH_MS);
  const offs = [stream.on('alert.raised', () => void load())];
  // onStatus calls back at once with the current status: that first call is the initial load.
  let first = true;
  offs.push(stream.onStatus((status) => {
    if (first || status === 'open') void load();
    first = false;
  }));
  return {
    element,
    reload: () => void load(),
    destroy: () => { clearInterval(timer); for (const off of offs) off(); },
  };
}
