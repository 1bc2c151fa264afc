// Administration: sources, watchlists, escalation policies, users, invitations and groups. Crisis users may edit
// watchlists and escalation policies too (as the API allows).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';
import { navigate, type PageContext } from '../../router.js';
import { tabs } from '../../components/ui.js';
import type { Role } from '../../types.js';
import { groupsTab } from './groups.js';
import { invitationsTab } from './invitations.js';
import { policiesTab } from './policies.js';
import { sourcesTab } from './sources.js';
import { usersTab } from './users.js';
import { watchlistsTab } from './watchlists.js';

type Tab = 'sources' | 'watchlists' | 'policies' | 'users' | 'invitations' | 'groups';
const TABS: { id: Tab; roles: Role[]; render: (root: HTMLElement) => void | (() => void) }[] = [
  { id: 'sources', roles: ['admin'], render: sourcesTab },
  { id: 'watchlists', roles: ['admin', 'crisis'], render: watchlistsTab },
  { id: 'policies', roles: ['admin', 'crisis'], render: policiesTab },
  { id: 'users', roles: ['admin'], render: usersTab },
  { id: 'invitations', roles: ['admin'], render: invitationsTab },
  { id: 'groups', roles: ['admin'], render: groupsTab },
];

export function adminPage({ me, root, params }: PageContext): void | (() => void) {
  const allowed = TABS.filter((x) => x.roles.includes(me.role));
  const current = allowed.find((x) => x.id === params[0]) ?? allowed[0]!;
  const body = h('div', { class: 'admin-body' });
  root.append(
    h('div', { class: 'page-header' },
      h('div', null, h('h1', { class: 'page-title' }, t('admin.title')), h('p', { class: 'page-lede' }, t(`admin.lede_${current.id}`)))),
    tabs<Tab>(allowed.map((x) => ({ id: x.id, label: t(`admin.tab_${x.id}`) })), current.id, (id) => navigate('admin', id)),
    body);
  return current.render(body);
}
