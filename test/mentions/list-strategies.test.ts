// The mention list reads the same rows whichever way the database is asked: the newest-first index walk (fast
// when the filter matches often) or index intersection and a sort (the fallback when the walk runs past its
// budget on a filter that matches rarely). Every filter the API offers, paged to the end with the cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMentions, type MentionFilter } from '../../src/mentions/query.js';
import { createTestApp, createUser, type TestApp } from '../support/app.js';

let t: TestApp;
let sourceId: string;
let watchlistId: string;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await createUser(t, 'admin');
  watchlistId = (await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth, payload: { name: 'Boycott', query: 'boycott' } })).json().id;
  const source = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'p' } })).json();
  sourceId = source.id;
  const mentions = Array.from({ length: 240 }, (_, i) => ({
    external_id: `m${i}`,
    text: i % 4 === 0 ? `Appel au boycott numéro ${i}, un scandale honteux` : `Une belle journée, merci ${i}`,
    // Equal timestamps in pairs, so paging must break ties on the id.
    published_at: new Date(Date.UTC(2026, 10, 1) + Math.floor(i / 2) * 60_000).toISOString(),
  }));
  const pushed = await t.app.inject({ method: 'POST', url: '/api/v1/mentions', headers: { authorization: `Bearer ${source.ingest_token}` }, payload: { mentions } });
  expect(pushed.statusCode).toBe(202);
});
afterAll(async () => t?.close());

async function readAll(filter: Omit<MentionFilter, 'limit' | 'cursor'>, budget?: number): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMentions(t.db.database.db, { ...filter, limit: 25, ...(cursor ? { cursor } : {}) }, budget === undefined ? {} : { orderedWalkBudgetMs: budget });
    ids.push(...page.items.map((m) => m.id));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return ids;
}

describe('mention list strategies', () => {
  it.each([
    ['watchlist', () => ({ watchlistId })],
    ['source', () => ({ sourceId })],
    ['label', () => ({ label: 'positive' as const })],
    ['watchlist + label + time window', () => ({ watchlistId, label: 'negative' as const, since: new Date(Date.UTC(2026, 10, 1, 0, 30)), until: new Date(Date.UTC(2026, 10, 1, 1, 30)) })],
    ['a combination matching nothing', () => ({ watchlistId, label: 'positive' as const, sourceId })],
  ])('%s: the walk and the intersection return the same rows in the same order', async (_name, filter) => {
    const walked = await readAll(filter());
    const intersected = await readAll(filter(), 0);
    expect(intersected).toEqual(walked);
    expect(new Set(walked).size).toBe(walked.length);
  });

  it('pages through every match of a filter, newest first', async () => {
    const ids = await readAll({ watchlistId }, 0);
    expect(ids).toHaveLength(60);
    const rows = await t.db.database.db.selectFrom('mentions').select(['id', 'published_at']).where('id', 'in', ids).execute();
    const at = new Map(rows.map((r) => [Number(r.id), r.published_at.getTime()]));
    const times = ids.map((id) => at.get(id)!);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
