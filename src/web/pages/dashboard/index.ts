// The crisis dashboard: live alerts with their actions, the watchlist chart, live signals, open incidents
// and source health. Comms users see it read-only.
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { replaceHashWith, type PageContext } from '../../router.js';
import { api, qs } from '../../api.js';
import { toast } from '../../components/toast.js';
import { errorMessage } from '../../components/ui.js';
import { stream } from '../../stream.js';
import { card } from '../../components/ui.js';
import type { Alert, Incident, Items } from '../../types.js';
import { canAct } from './alert-actions.js';
import { openAlertDetail } from './alert-detail.js';
import { createAlertList } from './alerts.js';
import { createWatchlistChart } from './chart.js';
import { createIncidentsPanel, declareIncident } from './incidents.js';
import { createSignalsPanel } from './signals.js';
import { loadResponders } from './filters.js';
import { filtersQuery, parseFilters, type Filters } from './triage.js';
import { createSourcesHealth } from './sources.js';

export function dashboardPage({ me, root, params, query }: PageContext): () => void {
  const declareBtn = h('button', { type: 'button', class: 'btn btn-primary btn-sm', disabled: true }, t('incidents.declare'));
  const chart = createWatchlistChart();
  const signals = createSignalsPanel();
  const incidents = createIncidentsPanel();
  const sources = me.role === 'comms' ? null : createSourcesHealth();

  // The filters live in the URL (#/dashboard?severity=critical&…): a reload or a shared link keeps them.
  let filters: Filters = parseFilters(query);
  const hashParts = () => (location.hash.replace(/^#\/?/, '').split('?')[0] ?? 'dashboard').split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  const keepHash = (...parts: string[]) => replaceHashWith(parts.length ? parts : ['dashboard'], filtersQuery(filters));
  const list = createAlertList({
    me,
    filters,
    people: loadResponders(),
    onFiltersChange: (next) => { filters = next; keepHash(...hashParts()); },
    onDeclareGroup: (groupId) => void declareGroup(groupId),
    onOpen: (alert) => openDetail(alert),
    onSelectionChange: (ids) => {
      declareBtn.disabled = ids.length === 0;
      declareBtn.textContent = ids.length > 0 ? t('incidents.declare_n', { count: ids.length }) : t('incidents.declare');
    },
    // The chart opens on the most urgent active alert's watchlist, not the alphabetically first one.
    onLoaded: (shown) => {
      const top = shown.find((a) => a.status !== 'resolved' && a.watchlist_id);
      if (top?.watchlist_id) chart.prefer(top.watchlist_id);
    },
    onChange: (alert: Alert, type: string) => {
      if (type === 'alert.raised') chart.refresh(alert.watchlist_id);
    },
  });

  // A signal counts in its watchlists' buckets: redraw the chart, at most every few seconds.
  let chartTimer: ReturnType<typeof setTimeout> | null = null;
  // A teammate's incident marks its alerts here too, without a reload.
  const offIncidents = ['incident.opened', 'incident.updated'].map((type) => stream.on(type, (event) => {
    const incident = event.data as unknown as Incident;
    for (const id of incident.alert_ids ?? []) list.patch(id, { incident_id: incident.id });
  }));
  const offSignals = stream.on('signal.reported', (event) => {
    const ids = (event.data as { watchlist_ids?: string[] }).watchlist_ids ?? [];
    if (ids.length === 0 || chartTimer) return;
    chartTimer = setTimeout(() => { chartTimer = null; for (const id of ids) chart.refresh(id); }, 3000);
  });

  declareBtn.addEventListener('click', async () => {
    const incident = await declareIncident(list.selected());
    if (!incident) return;
    for (const a of list.selected()) list.upsert({ ...a, incident_id: incident.id });
    list.clearSelection();
    incidents.reload();
  });

  /** Declares an incident from a group: every alert of the group, whatever its state, is linked. */
  async function declareGroup(groupId: string): Promise<void> {
    let members: Alert[];
    try {
      members = (await api.get<Items<Alert>>(`/api/v1/alerts${qs({ group_id: groupId, status: 'open,acknowledged,snoozed,resolved', limit: 200 })}`)).items;
    } catch (err) {
      toast(errorMessage(err), 'error');
      return;
    }
    const incident = await declareIncident(members);
    if (!incident) return;
    for (const a of members) list.upsert({ ...a, incident_id: incident.id });
    incidents.reload();
  }

  function openDetail(alert: Alert): void {
    keepHash('dashboard', 'alert', alert.id);
    // The chart follows the selected alert: its watchlist, zoomed on its window.
    chart.focus(alert);
    openAlertDetail(alert, me, (updated) => list.upsert(updated), () => keepHash('dashboard'));
  }

  root.append(
    h('div', { class: 'page-header' },
      h('div', null,
        h('h1', { class: 'page-title' }, t('dashboard.title')),
        h('p', { class: 'page-lede' }, me.role === 'comms' ? t('dashboard.lede_readonly') : t('dashboard.lede')))),
    h('div', { class: 'dashboard-grid' },
      h('div', { class: 'dashboard-main' },
        card(t('alerts.title'), list.element, canAct(me) ? declareBtn : null, 'card-alerts'),
        card(t('chart.title'), chart.element)),
      h('aside', { class: 'dashboard-aside', 'aria-label': t('dashboard.aside') },
        card(t('signals.title'), signals.element, null, 'card-signals'),
        card(t('incidents.open_title'), incidents.element),
        sources ? card(t('sources.health_title'), sources.element) : null)));

  // Deep link: #/dashboard/alert/<id>
  if (params[0] === 'alert' && params[1]) {
    const id = params[1];
    chart.focus({ id, title: '', severity: 'low', status: 'open', kind: '', watchlist_id: null, opened_at: new Date().toISOString() });
    openAlertDetail({ id, title: t('alerts.loading_title'), severity: 'low', status: 'open', kind: '', watchlist_id: null, opened_at: new Date().toISOString() },
      me, (updated) => list.upsert(updated), () => keepHash('dashboard'), query.get('action') === 'ack');
  }

  return () => {
    offSignals();
    for (const off of offIncidents) off();
    incidents.destroy();
    if (chartTimer) clearTimeout(chartTimer);
    list.destroy();
    chart.destroy();
    signals.destroy();
    sources?.destroy();
  };
}
