// One incident's page: status, commander and comms lead, linked alerts, ambassador signals, talking points
// with their distribution and receipts, the timeline, and once resolved the after-action report. Every
// viewer's page follows incident.* stream events, so a teammate's change shows without a reload.
import { api, qs } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import { dateTime, timeEl } from '../../format.js';
import type { PageContext } from '../../router.js';
import { stream } from '../../stream.js';
import { confirmDialog } from '../../components/dialog.js';
import { toast } from '../../components/toast.js';
import { badge, busy, button, card, empty, errorMessage, errorState, field, loading, select, severityBadge, statusBadge } from '../../components/ui.js';
import type { Alert, Incident, IncidentPhase, IncidentSignal, IncidentTimelineEntry, Items, Me, Receipts, TalkingPoint, User } from '../../types.js';
import { openEditor } from '../comms/editor.js';
import { openReceipts } from '../comms/receipts.js';
import { reportSection } from './report.js';
import { timelineList } from './timeline.js';

const PHASES: IncidentPhase[] = ['investigating', 'identified', 'monitoring', 'resolved'];

interface Loaded { incident: Incident; timeline: IncidentTimelineEntry[]; alerts: Alert[]; signals: IncidentSignal[]; points: TalkingPoint[]; receipts: Map<string, Receipts>; people: User[] }

async function loadAll(id: string, me: Me): Promise<Loaded> {
  const base = `/api/v1/incidents/${encodeURIComponent(id)}`;
  const [incident, timeline, alerts, signals, points, people] = await Promise.all([
    api.get<Incident>(base), api.get<Items<IncidentTimelineEntry>>(`${base}/timeline`), api.get<Items<Alert>>(`/api/v1/alerts${qs({ incident_id: id, limit: 200 })}`),
    api.get<Items<IncidentSignal>>(`${base}/signals`), api.get<Items<TalkingPoint>>(`/api/v1/talking-points${qs({ incident_id: id })}`),
    me.role === 'ambassador' ? Promise.resolve({ items: [] as User[] }) : api.get<Items<User>>('/api/v1/users').catch(() => ({ items: [] as User[] })),
  ]);
  const published = points.items.filter((p) => p.status === 'published' || p.status === 'superseded' || p.status === 'retired');
  const receipts = new Map(await Promise.all(published.map(async (p) => [p.id, await api.get<Receipts>(`/api/v1/talking-points/${encodeURIComponent(p.id)}/receipts`)] as const)));
  return { incident, timeline: timeline.items, alerts: alerts.items, signals: signals.items, points: points.items, receipts, people: people.items };
}

/** The facts a first talking point starts from, in the reader's language; the author edits before review. */
function draftFacts(d: Loaded): { title: string; body: string; incident_id: string } {
  const i = d.incident;
  const firstAlert = d.alerts.map((a) => a.opened_at).sort()[0];
  const lines = [
    t('incident.draft_facts', { time: dateTime(new Date().toISOString()), title: i.title }),
    ...(i.summary ? [i.summary] : []),
    t('incident.draft_status', { phase: t(`incident.phase.${i.phase ?? 'investigating'}` as Key) }),
    ...(firstAlert ? [t('incident.draft_alerts', { count: d.alerts.length, time: dateTime(firstAlert) })] : []),
    ...(d.signals.length ? [t('incident.draft_signals', { count: d.signals.length })] : []),
  ];
  return { title: t('incident.draft_title', { title: i.title }).slice(0, 300), body: lines.join('\n'), incident_id: i.id };
}

function peopleSelect(people: User[], current: string | null | undefined, roles: string[]): HTMLSelectElement {
  const options = people.filter((u) => !u.disabled && roles.includes(u.role));
  const el = select([{ value: '', label: t('incident.nobody') }, ...options.map((u) => ({ value: u.id, label: u.name }))], { class: 'input input-sm' });
  el.value = current ?? '';
  return el;
}

export function incidentDetail({ me, root }: PageContext, id: string): () => void {
  const canEdit = me.role === 'crisis' || me.role === 'admin';
  const canDraft = me.role === 'crisis' || me.role === 'comms';
  const page = h('div', { class: 'page incident-page' }, loading());
  mount(root, page);
  let seq = 0;

  async function patch(body: Record<string, unknown>, ok = t('incident.saved_toast')): Promise<void> {
    try {
      await api.patch<Incident>(`/api/v1/incidents/${encodeURIComponent(id)}`, body);
      toast(ok, 'success');
      await load();
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  }

  function controls(d: Loaded): HTMLElement {
    const i = d.incident;
    const phase = select(PHASES.map((p) => ({ value: p, label: t(`incident.phase.${p}` as Key) })), { class: 'input input-sm', disabled: !canEdit, 'data-field': 'phase' });
    phase.value = i.phase ?? 'investigating';
    const commander = peopleSelect(d.people, i.commander?.id, ['crisis', 'admin']);
    const commsLead = peopleSelect(d.people, i.comms_lead?.id, ['comms', 'crisis', 'admin']);
    commander.dataset.field = 'commander';
    commsLead.dataset.field = 'comms_lead';
    for (const el of [commander, commsLead]) el.disabled = !canEdit;
    phase.addEventListener('change', () => void patch({ phase: phase.value }));
    commander.addEventListener('change', () => void patch({ commander_id: commander.value || null }));
    commsLead.addEventListener('change', () => void patch({ comms_lead_id: commsLead.value || null }));
    const resolved = i.status === 'closed';
    const action = !canEdit ? null : resolved
      ? button(t('incident.reopen'), () => void patch({ phase: 'investigating' }), 'secondary')
      : button(t('incident.resolve'), (e) => void busy(e.currentTarget as HTMLButtonElement, async () => {
        if (await confirmDialog(t('incident.resolve'), t('incident.resolve_confirm'), t('incident.resolve'))) await patch({ phase: 'resolved' }, t('incident.resolved_toast'));
      }), 'primary', { 'data-action': 'resolve' });
    // Without d.people (comms cannot list users) the selects still show the current names.
    if (!d.people.length) {
      for (const [el, who] of [[commander, i.commander], [commsLead, i.comms_lead]] as const) {
        if (!who) continue;
        el.append(h('option', { value: who.id }, who.name));
        el.value = who.id;
      }
    }
    return h('div', { class: 'incident-controls' },
      field(t('incident.phase'), phase, { class: 'field-inline' }), field(t('incident.commander'), commander, { class: 'field-inline' }),
      field(t('incident.comms_lead'), commsLead, { class: 'field-inline' }), action);
  }

  function alertsCard(d: Loaded): HTMLElement {
    return card(t('incident.alerts'),
      d.alerts.length === 0 ? empty(t('incident.no_alerts')) : h('ul', { class: 'plain-list incident-alerts' }, d.alerts.map((a) => h('li', null,
        severityBadge(a.severity), ' ', statusBadge(a.status), ' ',
        h('a', { href: `#/dashboard/alert/${encodeURIComponent(a.id)}` }, a.title), ' · ', timeEl(a.opened_at),
        a.acknowledged_by ? h('span', { class: 'muted' }, ` · ${a.acknowledged_by.name}`) : null))));
  }

  function signalsCard(d: Loaded): HTMLElement {
    return card(t('incident.signals'),
      d.signals.length === 0 ? empty(t('incident.no_signals')) : h('ul', { class: 'plain-list incident-signals' }, d.signals.map((s) => h('li', null,
        severityBadge(s.severity), ' ', h('span', null, s.text), h('span', { class: 'muted' }, ` · ${s.reporter} · `), timeEl(s.created_at)))));
  }

  function pointsCard(d: Loaded): HTMLElement {
    const draft = canDraft ? button(t('incident.draft_point'), () => openEditor(null, () => void load(), draftFacts(d)), 'secondary', { 'data-action': 'draft-point' }) : null;
    return card(t('incident.points'),
      d.points.length === 0 ? empty(t('incident.no_points')) : h('ul', { class: 'plain-list' }, d.points.map((p) => {
        const r = d.receipts.get(p.id);
        return h('li', { class: 'incident-point', 'data-point': p.id },
          h('a', { href: `#/comms/${p.status === 'draft' ? 'drafts' : p.status === 'in_review' ? 'review' : p.status === 'approved' ? 'approved' : 'published'}` }, p.title), ' ',
          badge(t(`tp_status.${p.status}` as Key), p.status === 'published' ? 'success' : 'neutral'),
          r ? h('span', { class: 'incident-reads' }, ' · ', h('progress', { class: 'progress progress-inline', max: String(Math.max(1, r.sent)), value: String(r.read), 'aria-label': t('incident.read_of', { read: r.read, sent: r.sent }) }),
            ' ', t('incident.read_of', { read: r.read, sent: r.sent }), ' ', button(t('incident.receipts'), () => openReceipts(p), 'ghost', { class: 'btn btn-ghost btn-sm' })) : null);
      })), draft, 'incident-points');
  }

  async function load(): Promise<void> {
    const mine = ++seq;
    try {
      const d = await loadAll(id, me);
      if (mine !== seq) return;
      const i = d.incident;
      const names = new Map(d.people.map((u) => [u.id, u.name]));
      for (const p of [i.commander, i.comms_lead, i.declared_by]) if (p) names.set(p.id, p.name);
      mount(page,
        h('p', null, h('a', { href: '#/incidents', class: 'back-link' }, `← ${t('incident.back')}`)),
        h('div', { class: 'page-header' }, h('div', null,
          h('h1', { class: 'page-title' }, i.title, ' ', badge(t(`incident.phase.${i.phase ?? 'investigating'}` as Key), i.status === 'closed' ? 'success' : 'warning')),
          h('p', { class: 'page-lede' }, t('incident.declared', { time: dateTime(i.created_at), name: i.declared_by?.name ?? '—' })),
          i.summary ? h('p', { class: 'incident-summary' }, i.summary) : null)),
        controls(d),
        i.status === 'closed' ? reportSection(id) : null,
        h('div', { class: 'incident-grid' },
          card(t('incident.timeline'), timelineList(d.timeline, names)),
          h('div', { class: 'stack' }, alertsCard(d), pointsCard(d), signalsCard(d))));
    } catch (err) {
      if (mine === seq) mount(page, errorState(err, () => void load()));
    }
  }

  void load();
  const mineOnly = (fn: () => void) => (e: { data: Record<string, unknown> }) => { if (e.data.id === id || e.data.incident_id === id) fn(); };
  const offs = [
    ...['incident.updated', 'incident.resolved'].map((type) => stream.on(type, mineOnly(() => void load()))),
    stream.on('talking_point.published', mineOnly(() => void load())),
    stream.on('alert.updated', mineOnly(() => void load())),
  ];
  return () => { for (const off of offs) off(); };
}
