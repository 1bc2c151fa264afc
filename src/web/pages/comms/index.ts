// The comms console: drafts, the review queue, approved points ready to publish, published points with
// their receipts, and the searchable library of approved responses.
import { api, qs } from '../../api.js';
import { h, mount } from '../../dom.js';
import { t } from '../../i18n.js';
import { navigate, type PageContext } from '../../router.js';
import { stream } from '../../stream.js';
import { button, empty, errorState, input, isMissingEndpoint, loading, notAvailable, tabs } from '../../components/ui.js';
import type { Group, Items, TalkingPoint, TalkingPointStatus } from '../../types.js';
import type { GroupNames } from './outgoing.js';
import { openEditor } from './editor.js';
import { pointCard } from './point-card.js';
import { programmeTab } from './programme.js';

type Tab = 'drafts' | 'review' | 'approved' | 'published' | 'library' | 'programme';
const TAB_STATUS: Record<Exclude<Tab, 'library' | 'programme'>, TalkingPointStatus> = { drafts: 'draft', review: 'in_review', approved: 'approved', published: 'published' };
const TABS: Tab[] = ['drafts', 'review', 'approved', 'published', 'library', 'programme'];

export function commsPage({ me, root, params }: PageContext): () => void {
  const tab: Tab = TABS.includes(params[0] as Tab) ? params[0] as Tab : me.role === 'comms' ? 'review' : 'drafts';
  const canDraft = me.role === 'comms' || me.role === 'crisis';
  const body = h('div', { class: 'comms-body' }, loading());
  const tabBar = h('div', { class: 'comms-tabs' });
  let counts: Partial<Record<Tab, number>> = {};
  let groups: GroupNames = new Map();
  let groupsLoaded: Promise<GroupNames> | null = null;

  /** Group names for the audience line of the cards (loaded once; without them the card says "a deleted group"). */
  function groupNames(): Promise<GroupNames> {
    groupsLoaded ??= api.get<Items<Group>>('/api/v1/groups')
      .then(({ items }) => (groups = new Map(items.map((g) => [g.id, g.name]))))
      .catch(() => groups);
    return groupsLoaded;
  }

  function renderTabs(): void {
    mount(tabBar, tabs<Tab>(TABS.map((id) => ({ id, label: t(`comms.tab_${id}`), ...(counts[id] !== undefined ? { count: counts[id] } : {}) })), tab, (id) => navigate('comms', id)));
  }

  async function loadCounts(): Promise<void> {
    const entries = await Promise.all((['drafts', 'review', 'approved'] as const).map(async (id) => {
      try {
        const { items } = await api.get<Items<TalkingPoint>>(`/api/v1/talking-points${qs({ status: TAB_STATUS[id] })}`);
        return [id, items.length] as const;
      } catch {
        return [id, undefined] as const;
      }
    }));
    counts = Object.fromEntries(entries.filter(([, n]) => n !== undefined));
    renderTabs();
  }

  async function loadList(): Promise<void> {
    if (tab === 'library') return renderLibrary();
    if (tab === 'programme') return mount(body, programmeTab(me));
    try {
      const { items } = await api.get<Items<TalkingPoint>>(`/api/v1/talking-points${qs({ status: TAB_STATUS[tab] })}`);
      const names = await groupNames();
      const sorted = items.slice().sort((a, b) => (b.updated_at ?? '').localeCompare(a.updated_at ?? ''));
      mount(body, sorted.length === 0
        ? h('div', { class: 'card' }, empty(t(`comms.empty_${tab}`), tab === 'drafts' && canDraft ? t('comms.empty_drafts_hint') : undefined))
        : h('div', { class: 'point-list' }, sorted.map((p) => pointCard(p, me, refresh, names))));
    } catch (err) {
      mount(body, isMissingEndpoint(err) ? notAvailable() : errorState(err, () => void loadList()));
    }
  }

  function renderLibrary(): void {
    const search = input({ type: 'search', placeholder: t('library.search_placeholder'), 'aria-label': t('library.search') });
    const results = h('div', { class: 'library-results' }, loading());
    let timer: ReturnType<typeof setTimeout> | null = null;
    let seq = 0;
    async function run(): Promise<void> {
      const mine = ++seq;
      try {
        const { items } = await api.get<Items<TalkingPoint>>(`/api/v1/talking-points/library${qs({ q: search.value.trim() })}`);
        if (mine !== seq) return;
        mount(results, items.length === 0 ? h('div', { class: 'card' }, empty(search.value.trim() ? t('library.no_match') : t('library.empty')))
          : h('div', { class: 'point-list' }, items.map((p) => pointCard(p, me, refresh, groups))));
      } catch (err) {
        if (mine === seq) mount(results, isMissingEndpoint(err) ? notAvailable() : errorState(err, () => void run()));
      }
    }
    search.addEventListener('input', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), 300);
    });
    mount(body, h('div', { class: 'library' }, h('div', { class: 'search-bar' }, search), results));
    void run();
  }

  function refresh(): void {
    void loadCounts();
    void loadList();
  }

  root.append(
    h('div', { class: 'page-header' },
      h('div', null, h('h1', { class: 'page-title' }, t('comms.title')), h('p', { class: 'page-lede' }, t('comms.lede'))),
      canDraft ? button(t('comms.new'), () => openEditor(null, () => navigate('comms', 'drafts')), 'primary') : null),
    tabBar,
    body);
  renderTabs();
  refresh();
  const offs = ['talking_point.published', 'talking_point.sent_back', 'talking_point.retired'].map((type) => stream.on(type, () => refresh()));
  return () => { for (const off of offs) off(); };
}
