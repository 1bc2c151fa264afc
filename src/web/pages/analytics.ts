// #/analytics: mean time to acknowledge and to resolve incidents, per month, as bars and as a table.
import { api } from '../api.js';
import { h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { duration, number } from '../format.js';
import type { PageContext } from '../router.js';
import { stream } from '../stream.js';
import { card, empty, errorState, loading } from '../components/ui.js';
import type { Items, MonthMetrics } from '../types.js';

const monthLabel = (month: string) => new Intl.DateTimeFormat(document.documentElement.lang || undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** Horizontal bars scaled to the longest value: a bar per month, its width a <progress>, no inline style. */
function bars(items: MonthMetrics[], key: 'mtta_seconds' | 'mttr_seconds', label: string): HTMLElement {
  const max = Math.max(1, ...items.map((m) => m[key] ?? 0));
  return card(label,
    h('ul', { class: 'plain-list' }, items.map((m) => h('li', { class: 'bar-row' },
      h('span', { class: 'bar-label' }, monthLabel(m.month)),
      h('progress', { class: 'progress', max: String(max), value: String(m[key] ?? 0), 'aria-label': `${monthLabel(m.month)} ${label} ${duration(m[key])}` }),
      h('span', { class: 'bar-value' }, duration(m[key]))))), undefined, 'analytics-bars');
}

export function analyticsPage({ root }: PageContext): () => void {
  const body = h('div', { class: 'analytics' }, loading());
  mount(root, h('div', { class: 'page' },
    h('div', { class: 'page-header' }, h('div', null, h('h1', { class: 'page-title' }, t('analytics.title')), h('p', { class: 'page-lede' }, t('analytics.lede')))),
    body));
  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<MonthMetrics>>('/api/v1/analytics/incidents?months=12');
      if (items.length === 0) return mount(body, h('div', { class: 'card' }, empty(t('analytics.none'))));
      mount(body,
        h('div', { class: 'analytics-grid' }, bars(items, 'mtta_seconds', t('analytics.mtta')), bars(items, 'mttr_seconds', t('analytics.mttr'))),
        h('section', { class: 'card card-body' }, h('table', { class: 'table analytics-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('analytics.month')), h('th', { scope: 'col' }, t('analytics.incidents')), h('th', { scope: 'col' }, t('analytics.mtta')), h('th', { scope: 'col' }, t('analytics.mttr')))),
          h('tbody', null, items.map((m) => h('tr', { 'data-month': m.month },
            h('td', null, monthLabel(m.month)), h('td', { class: 'num' }, number(m.incidents)), h('td', { class: 'num' }, duration(m.mtta_seconds)), h('td', { class: 'num' }, duration(m.mttr_seconds))))))));
    } catch (err) {
      mount(body, errorState(err, () => void load()));
    }
  }
  void load();
  const off = stream.on('incident.resolved', () => void load());
  return off;
}
