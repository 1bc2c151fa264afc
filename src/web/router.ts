// Hash routes (#/dashboard, #/admin/sources, …): the server only ever serves index.html at `/`, and a
// reload keeps the page. Each route names the roles that may open it.
import type { Key } from './i18n.js';
import type { Me, Role } from './types.js';

export interface PageContext { me: Me; root: HTMLElement; params: string[]; query: URLSearchParams }
/** Renders into ctx.root; may return a cleanup run when the user leaves the page. */
export type Page = (ctx: PageContext) => void | (() => void);

export interface Route { id: string; label: Key; roles: readonly Role[]; load: () => Promise<Page>; nav: boolean }

export const ROUTES: Route[] = [
  { id: 'dashboard', label: 'nav.dashboard', roles: ['crisis', 'admin', 'comms'], nav: true, load: async () => (await import('./pages/dashboard/index.js')).dashboardPage },
  { id: 'field', label: 'nav.field', roles: ['ambassador', 'crisis', 'comms', 'admin'], nav: true, load: async () => (await import('./pages/ambassador/index.js')).ambassadorPage },
  { id: 'incidents', label: 'nav.incidents', roles: ['crisis', 'admin', 'comms'], nav: true, load: async () => (await import('./pages/incidents/index.js')).incidentsPage },
  { id: 'analytics', label: 'nav.analytics', roles: ['crisis', 'admin', 'comms'], nav: true, load: async () => (await import('./pages/analytics.js')).analyticsPage },
  { id: 'comms', label: 'nav.comms', roles: ['comms', 'crisis', 'admin'], nav: true, load: async () => (await import('./pages/comms/index.js')).commsPage },
  { id: 'admin', label: 'nav.admin', roles: ['admin', 'crisis'], nav: true, load: async () => (await import('./pages/admin/index.js')).adminPage },
];

export function homeFor(role: Role): string {
  if (role === 'ambassador') return 'field';
  if (role === 'comms') return 'comms';
  return 'dashboard';
}

export interface Location { route: Route | null; id: string; params: string[]; query: URLSearchParams }

/** `#/alerts/<id>?action=ack` → id "alerts", params [<id>], query action=ack. */
export function parseHash(hash: string): { id: string; params: string[]; query: URLSearchParams } {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch { return p; } });
  return { id: parts[0] ?? '', params: parts.slice(1), query: new URLSearchParams(search) };
}

/** Links in alert emails and webhooks point at #/alerts/<id>: that is the dashboard with the alert open. */
const ALIASES: Record<string, (params: string[]) => { id: string; params: string[] }> = {
  alerts: (params) => ({ id: 'dashboard', params: params[0] ? ['alert', params[0]] : [] }),
};

export function resolve(hash: string, role: Role): Location {
  const parsed = parseHash(hash);
  const { id, params } = ALIASES[parsed.id]?.(parsed.params) ?? parsed;
  const route = ROUTES.find((r) => r.id === id && r.roles.includes(role)) ?? null;
  return { route, id, params, query: parsed.query };
}

export function navigate(...parts: string[]): void {
  const hash = `#/${parts.map(encodeURIComponent).join('/')}`;
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** Changes the hash without re-rendering the page (e.g. to remember the selected alert). */
export function replaceHash(...parts: string[]): void {
  history.replaceState(null, '', `#/${parts.map(encodeURIComponent).join('/')}`);
}

/** Like replaceHash, with a query kept after the path (e.g. the dashboard's filters). */
export function replaceHashWith(parts: string[], query: URLSearchParams): void {
  const search = query.toString();
  history.replaceState(null, '', `#/${parts.map(encodeURIComponent).join('/')}${search ? `?${search}` : ''}`);
}
