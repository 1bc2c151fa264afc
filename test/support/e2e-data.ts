// Data for browser tests, made through the API (or the alerts service, which stands in for the detector).
import { randomBytes } from 'node:crypto';
import type { Candidate } from '../../src/detection/index.js';
import type { TestUser } from './app.js';
import { candidate } from './alerts.js';
import type { TestServer } from './server.js';

export const XSS_IMG = '<img src=x onerror=window.__pwned=1>';
export const XSS_SCRIPT = '<script>window.__pwned=1</script>';

async function call<T>(server: TestServer, user: TestUser, method: string, url: string, payload?: unknown): Promise<T> {
  const res = await server.app.inject({ method: method as 'POST', url, headers: user.auth, ...(payload !== undefined ? { payload: payload as object } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return (res.body ? res.json() : undefined) as T;
}

export async function createWatchlist(server: TestServer, admin: TestUser, name: string, query: string): Promise<string> {
  return (await call<{ id: string }>(server, admin, 'POST', '/api/v1/watchlists', { name, query, risk_terms: [{ term: 'boycott', weight: 3 }] })).id;
}

/** Pushes mentions spread over the last hours through a push source; returns their ids by external id. */
export async function pushMentions(server: TestServer, admin: TestUser, texts: { text: string; minutesAgo: number; author?: string }[]): Promise<Map<string, number>> {
  const source = await call<{ id: string }>(server, admin, 'POST', '/api/v1/sources', { kind: 'push', name: `connector-${randomBytes(3).toString('hex')}` });
  const mentions = texts.map((m, i) => ({
    external_id: `m-${i}`, text: m.text, author: m.author ?? `@user${i}`, url: `https://social.example/p/${i}`,
    published_at: new Date(Date.now() - m.minutesAgo * 60_000).toISOString(),
  }));
  await call(server, admin, 'POST', '/api/v1/mentions', { source_id: source.id, mentions });
  const rows = await server.db.database.db.selectFrom('mentions').select(['id', 'external_id']).where('source_id', '=', source.id).execute();
  return new Map(rows.map((r) => [r.external_id, Number(r.id)]));
}

export async function raiseAlert(server: TestServer, watchlistId: string, overrides: Partial<Candidate> = {}, severity: Candidate['severity'] = 'high'): Promise<{ id: string; title: string }> {
  const view = await server.services.alerts.raise(watchlistId, candidate(overrides, severity));
  if (!view) throw new Error('alert was not raised');
  return view as unknown as { id: string; title: string };
}

export async function alertStatus(server: TestServer, id: string): Promise<string> {
  const row = await server.db.database.db.selectFrom('alerts').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  return row.status;
}
