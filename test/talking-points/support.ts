// Helpers for talking-point tests: HTTP calls with a user, a point driven to a status, and incidents,
// alerts and signals inserted directly (the alert engine has its own tests).
import { randomUUID } from 'node:crypto';
import type { TestApp, TestUser } from '../support/app.js';

/** A parsed JSON answer, as loose as `inject().json()`: the assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- same type as inject().json()
type Json = any;
export interface Call { status: number; body: Json }

export async function call(t: TestApp, user: TestUser | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<Call> {
  const res = await t.app.inject({ method, url, ...(user ? { headers: user.auth } : {}), ...(payload !== undefined ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? res.json() : null };
}

export const tp = (id: string, action?: string) => `/api/v1/talking-points/${id}${action ? `/${action}` : ''}`;

export async function draft(t: TestApp, author: TestUser, payload: object = {}): Promise<Json> {
  const res = await call(t, author, 'POST', '/api/v1/talking-points', { title: 'Rappel de trois lots', body: 'Par précaution, trois lots sont rappelés.', ...payload });
  if (res.status !== 201) throw new Error(`draft failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A point authored by `author`, submitted and approved by `reviewer`, and published by `reviewer` if asked. */
export async function advance(t: TestApp, id: string, author: TestUser, reviewer: TestUser, to: 'in_review' | 'approved' | 'published'): Promise<Json> {
  const steps: [TestUser, string][] = [[author, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']];
  const count = { in_review: 1, approved: 2, published: 3 }[to];
  let last: Call | null = null;
  for (const [user, action] of steps.slice(0, count)) {
    last = await call(t, user, 'POST', tp(id, action));
    if (last.status !== 200) throw new Error(`${action} failed: ${last.status} ${JSON.stringify(last.body)}`);
  }
  return last!.body;
}

export async function insertIncident(t: TestApp, title = 'Rappel produit'): Promise<string> {
  const row = await t.db.database.db.insertInto('incidents').values({ title }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertWatchlist(t: TestApp, name = `wl-${randomUUID().slice(0, 8)}`): Promise<string> {
  const row = await t.db.database.db.insertInto('watchlists').values({ name, query: 'brandx', risk_terms: '[]', enabled: true, created_by: null })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertAlert(t: TestApp, options: { watchlistId?: string | null; incidentId?: string | null; sampleMentionIds?: number[]; openedAt?: Date } = {}): Promise<string> {
  const row = await t.db.database.db.insertInto('alerts').values({
    fingerprint: randomUUID(), watchlist_id: options.watchlistId ?? null, kind: 'volume_spike', severity: 'high', score: 5, title: 'Volume spike',
    explanation: JSON.stringify({ summary: 'spike', observed: 10, expected: 2, factor: 5, window: { start: '2025-01-01T00:00:00Z', end: '2025-01-01T00:05:00Z' }, top_terms: [], sample_mention_ids: (options.sampleMentionIds ?? []).map(String) }),
    episode_key: randomUUID(), incident_id: options.incidentId ?? null, opened_at: options.openedAt ?? new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
