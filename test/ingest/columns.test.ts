// The column-wise insert keeps every field as sent: reach data from connectors, text with quotes,
// backslashes and braces, watchlist risk terms that need escaping in an array literal, and a batch where
// only some items carry reach data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';

let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, 'admin');
});
afterAll(async () => t?.close());

describe('ingest columns', () => {
  it('stores reach, awkward text and escaped risk terms exactly', async () => {
    const wl = await t.app.inject({ method: 'POST', url: '/api/v1/watchlists', headers: admin.auth,
      payload: { name: 'Quotes', query: 'acme', risk_terms: [{ term: 'fuite', weight: 2 }] } });
    expect(wl.statusCode).toBe(201);
    const src = (await t.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'Columns' } })).json();
    const now = new Date();
    const result = await t.services.ingest.store({ id: src.id, kind: 'push' }, [
      { external_id: 'q1', text: 'ACME "quoted" \\ back {brace} , comma fuite', author: 'a "b"', url: null, published_at: now, lang: null,
        reach: { network: 'bluesky', followers: 1200, likes: 3, reposts: null, replies: 0 } },
      { external_id: 'q2', text: 'ACME plain', author: null, url: 'https://example.com/x', published_at: now, lang: 'en' },
    ]);
    expect(result.accepted).toBe(2);
    const rows = await t.db.database.db.selectFrom('mentions')
      .select(['external_id', 'text', 'author', 'url', 'network', 'author_followers', 'likes', 'reposts', 'replies', 'risk_terms', 'watchlist_ids'])
      .where('source_id', '=', src.id).orderBy('external_id').execute();
    expect(rows[0]).toMatchObject({ external_id: 'q1', text: 'ACME "quoted" \\ back {brace} , comma fuite', author: 'a "b"', network: 'bluesky',
      author_followers: 1200, likes: 3, reposts: null, replies: 0, watchlist_ids: [wl.json().id] });
    expect(rows[0]!.risk_terms).toContain('fuite');
    expect(rows[1]).toMatchObject({ external_id: 'q2', text: 'ACME plain', author: null, url: 'https://example.com/x', network: null, likes: null });
    const again = await t.services.ingest.store({ id: src.id, kind: 'push' }, [
      { external_id: 'q2', text: 'ACME plain', author: null, url: null, published_at: now, lang: null },
      { external_id: 'q3', text: 'ACME new', author: null, url: null, published_at: now, lang: null },
    ]);
    expect(again).toMatchObject({ accepted: 1, duplicates: 1 });
    const bucket = await t.db.database.db.selectFrom('buckets').select(['count']).where('watchlist_id', '=', wl.json().id).execute();
    expect(bucket.reduce((n, b) => n + b.count, 0)).toBe(3);
    const source = await t.db.database.db.selectFrom('sources').select('items_collected').where('id', '=', src.id).executeTakeFirstOrThrow();
    expect(Number(source.items_collected)).toBe(3);
  });
});
