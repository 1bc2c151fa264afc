// Factories for alert tests: a watchlist, a policy, and detection candidates made by hand.
import { randomBytes } from 'node:crypto';
import type { Candidate, Severity } from '../../src/detection/index.js';
import type { TestApp, TestUser } from './app.js';

export async function createWatchlist(t: TestApp, admin: TestUser, query = 'acme'): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: `wl-${randomBytes(4).toString('hex')}`, query } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

export async function createPolicy(t: TestApp, admin: TestUser, body: Record<string, unknown>): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name: `p-${randomBytes(4).toString('hex')}`, ...body } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

export function candidate(overrides: Partial<Candidate> = {}, severity: Severity = 'high'): Candidate {
  const start = new Date(Date.now() - 60_000).toISOString();
  return {
    kind: 'negative_surge', severity, score: 7.5, episodeKey: `negative_surge@${start}-${randomBytes(3).toString('hex')}`, bucketStart: Date.now() - 60_000,
    explanation: { summary: 'Negative share 80% vs 15% expected', observed: 40, expected: 6, factor: 6.7, window: { start, end: new Date().toISOString() }, top_terms: ['boycott', 'scandale'], sample_mention_ids: [] },
    ...overrides,
  };
}
