// The alert list's filter bar: watchlist, kind, severity, state and assignee, each a labelled select. The
// choices go to the caller, who keeps them in the URL; people and watchlists are loaded once.
import { api, qs } from '../../api.js';
import { h } from '../../dom.js';
import { t, type Key } from '../../i18n.js';
import type { Items, Person, Watchlist } from '../../types.js';
import { kindLabel } from './alert-view.js';
import { FILTER_KEYS, KINDS, NO_FILTERS, SEVERITIES, STATES, type Filters } from './triage.js';

interface Choice { value: string; label: string }

/** The crisis team: the people an alert can be assigned to (crisis and admin roles), by name. */
export async function loadResponders(): Promise<Person[]> {
  const lists = await Promise.all(['crisis', 'admin'].map((role) => api.get<Items<Person & { disabled?: boolean }>>(`/api/v1/users${qs({ role })}`).catch(() => ({ items: [] }))));
  return lists.flatMap((l) => l.items).filter((u) => !u.disabled).map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name));
}

export interface FilterBar { element: HTMLElement; set(filters: Filters): void }

export function createFilterBar(initial: Filters, people: Promise<Person[]>, onChange: (filters: Filters) => void): FilterBar {
  let current = { ...initial };
  const selects = {} as Record<keyof Filters, HTMLSelectElement>;
  const choices: Record<keyof Filters, Choice[]> = {
    watchlist: [{ value: '', label: t('filters.any_watchlist') }],
    kind: [{ value: '', label: t('filters.any_kind') }, ...KINDS.map((k) => ({ value: k, label: kindLabel(k) }))],
    severity: [{ value: '', label: t('filters.any_severity') }, ...SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}` as Key) }))],
    state: STATES.map((s) => ({ value: s, label: s ? t(`status.${s}` as Key) : t('filters.active_states') })),
    assignee: [{ value: '', label: t('filters.anyone') }, { value: 'none', label: t('filters.unassigned') }, { value: 'me', label: t('filters.me') }],
  };
  const clear = h('button', { type: 'button', class: 'btn btn-ghost btn-sm filter-clear', onclick: () => change({ ...NO_FILTERS }) }, t('filters.clear'));
  const element = h('div', { class: 'filter-bar', role: 'group', 'aria-label': t('filters.label') },
    FILTER_KEYS.map((key) => {
      const id = `filter-${key}`;
      selects[key] = h('select', { class: 'input input-sm', id, name: key, dataset: { filter: key }, onchange: (e: Event) => change({ ...current, [key]: (e.target as HTMLSelectElement).value }) });
      return h('label', { class: 'filter', htmlFor: id }, h('span', { class: 'filter-label' }, t(`filters.${key}` as Key)), selects[key]);
    }),
    clear);

  function fill(key: keyof Filters): void {
    const value = current[key];
    const list = choices[key].some((c) => c.value === value) || !value ? choices[key] : [...choices[key], { value, label: value }];
    selects[key].replaceChildren(...list.map((c) => h('option', { value: c.value, selected: c.value === value }, c.label)));
    selects[key].value = value;
  }

  function change(next: Filters): void {
    current = next;
    set(next);
    onChange({ ...next });
  }

  function set(filters: Filters): void {
    current = { ...filters };
    for (const key of FILTER_KEYS) fill(key);
    clear.hidden = FILTER_KEYS.every((k) => !current[k]);
  }

  set(current);
  void api.get<Items<Watchlist>>('/api/v1/watchlists').then(({ items }) => {
    choices.watchlist = [choices.watchlist[0]!, ...items.map((w) => ({ value: w.id, label: w.name }))];
    fill('watchlist');
  }).catch(() => undefined);
  void people.then((list) => {
    choices.assignee = [...choices.assignee.slice(0, 3), ...list.map((p) => ({ value: p.id, label: p.name }))];
    fill('assignee');
  });
  return { element, set };
}
