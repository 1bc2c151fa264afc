// #/incidents: every incident, open first; #/incidents/<id>: one incident's page.
import { api } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import { timeEl } from '../../format.js';
import type { PageContext } from '../../router.js';
import { stream } from '../../stream.js';
import { badge, card, empty, errorState, loading } from '../../components/ui.js';
import type { Incident, Items } from '../../types.js';
import { incidentDetail } from './detail.js';

export function incidentsPage(ctx: PageContext): () => void {
  if (ctx.params[0]) return incidentDetail(ctx, ctx.params[0]);
  const body = h('div', { class: 'incident-index' }, loading());
  mount(ctx.root, h('div', { class: 'page' },
    h('div', { class: 'page-header' }, h('div', null, h('h1', { class: 'page-title' }, t('incident.list_title')), h('p', { class: 'page-lede' }, t('incident.list_lede')))),
    body));

  async function load(): Promise<void> {
    try {
      const { items } = await api.get<Items<Incident>>('/api/v1/incidents');
      const section = (title: string, list: Incident[], none: string) => card(title,
        list.length === 0 ? empty(none) : h('ul', { class: 'incident-list' }, list.map((i) => h('li', { class: 'incident-item' },
          h('a', { class: 'incident-title', href: `#/incidents/${encodeURIComponent(i.id)}` }, i.title), ' ',
          badge(t(`incident.phase.${i.phase ?? (i.status === 'closed' ? 'resolved' : 'investigating')}` as Key), i.status === 'closed' ? 'success' : 'warning'),
          h('p', { class: 'incident-sub' }, t('incidents.alert_count', { count: i.alert_ids.length }), ' · ', timeEl(i.created_at))))));
      mount(body,
        section(t('incident.open_list'), items.filter((i) => i.status === 'open'), t('incidents.none')),
        section(t('incident.closed_list'), items.filter((i) => i.status === 'closed'), t('incident.none_closed')));
    } catch (err) {
      mount(body, errorState(err, () => void load()));
    }
  }
  void load();
  const offs = ['incident.opened', 'incident.updated', 'incident.resolved'].map((type) => stream.on(type, () => void load()));
  return () => { for (const off of offs) off(); };
}
