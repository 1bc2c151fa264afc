// Tracked share links on a real database: a published, shareable point gives each group its own short link
// per network; /r/:code redirects and counts the click per point, network and group, storing nobody.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { advance, call, draft, tp } from '../talking-points/support.js';

const TARGET = 'https://acme.example/statement?lang=fr';

describe('tracked share links', () => {
  let t: TestApp;
  let admin: TestUser;
  let author: TestUser;
  let reviewer: TestUser;
  let ambA: TestUser;
  let ambB: TestUser;
  let outsider: TestUser;
  let pointId: string;
  let salesId: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, author, reviewer, ambA, ambB, outsider] = await Promise.all([
      createUser(t, 'admin'), createUser(t, 'comms'), createUser(t, 'comms'), createUser(t, 'ambassador'), createUser(t, 'ambassador'), createUser(t, 'ambassador'),
    ]);
    const sales = await call(t, admin, 'POST', '/api/v1/groups', { name: 'Sales' });
    const support = await call(t, admin, 'POST', '/api/v1/groups', { name: 'Support' });
    salesId = sales.body.id;
    await call(t, admin, 'POST', `/api/v1/groups/${salesId}/members`, { user_ids: [ambA.id] });
    await call(t, admin, 'POST', `/api/v1/groups/${support.body.id}/members`, { user_ids: [ambB.id] });
    const point = await draft(t, author, {
      shareable: true, share_url: TARGET, audience: { group_ids: [salesId, support.body.id] },
      suggested_posts: [{ network: 'linkedin', text: 'Trois lots rappelés, remboursement garanti.' }],
    });
    pointId = point.id;
    expect(point.share_url).toBe(TARGET);
    await advance(t, pointId, author, reviewer, 'published');
  }, 180_000);
  afterAll(async () => { await t?.close(); });

  const kit = (u: TestUser, id = pointId) => call(t, u, 'POST', tp(id, 'share-links'));
  const click = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });

  it('gives an ambassador one unguessable short link per network, with intent links, the same on every call', async () => {
    const first = await kit(ambA);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ talking_point_id: pointId, target: TARGET, group_id: salesId });
    expect(first.body.links.map((l: { network: string }) => l.network)).toEqual(['native', 'linkedin', 'x', 'bluesky', 'mastodon', 'copy']);
    for (const l of first.body.links) {
      expect(l.code).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(new URL(l.url).pathname).toBe(`/r/${l.code}`);
    }
    const linkedin = first.body.links.find((l: { network: string }) => l.network === 'linkedin');
    expect(new URL(linkedin.intent_url).searchParams.get('url')).toBe(linkedin.url);
    const x = first.body.links.find((l: { network: string }) => l.network === 'x');
    expect(new URL(x.intent_url).searchParams.get('text')).toBe('Trois lots rappelés, remboursement garanti.');
    expect((await kit(ambA)).body.links).toEqual(first.body.links);
    // Another group's links are its own, so clicks are counted per group.
    const other = await kit(ambB);
    expect(other.body.links[0].code).not.toBe(first.body.links[0].code);
  });

  it('redirects a click to the point\'s link, counts it per network and group, and keeps no identity', async () => {
    const a = (await kit(ambA)).body.links;
    const b = (await kit(ambB)).body.links;
    const linkedinA = a.find((l: { network: string }) => l.network === 'linkedin');
    const xB = b.find((l: { network: string }) => l.network === 'x');
    for (const url of [linkedinA.url, linkedinA.url, xB.url]) {
      const res = await click(url);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe(TARGET);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const reach = await call(t, reviewer, 'GET', tp(pointId, 'reach'));
    expect(reach.body).toMatchObject({ talking_point_id: pointId, clicks: 3 });
    expect(reach.body.by_network).toEqual([{ network: 'linkedin', clicks: 2 }, { network: 'x', clicks: 1 }]);
    expect(reach.body.by_group.map((g: { group_name: string; clicks: number }) => [g.group_name, g.clicks])).toEqual([['Sales', 2], ['Support', 1]]);
    // What is stored about a click: the code, the day and a count; nothing else.
    const rows = await t.db.database.db.selectFrom('share_clicks').selectAll().execute();
    expect(Object.keys(rows[0]!).sort()).toEqual(['clicks', 'code', 'day']);
  });

  it('answers 404 for an unknown code, and refuses what may not be shared', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/r/AAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/r/x' })).statusCode).toBe(404);
    expect((await kit(outsider)).status).toBe(404); // not sent to them
    expect((await call(t, ambA, 'GET', tp(pointId, 'reach'))).status).toBe(403);
    const internal = await draft(t, author, { shareable: false });
    await advance(t, internal.id, author, reviewer, 'published');
    expect((await kit(ambA, internal.id)).body.error.code).toBe('not_shareable');
    const noLink = await draft(t, author, { shareable: true });
    await advance(t, noLink.id, author, reviewer, 'published');
    expect((await kit(ambA, noLink.id)).body.error.code).toBe('no_share_url');
    const unpublished = await draft(t, author, { shareable: true, share_url: TARGET });
    expect((await kit(author, unpublished.id)).body.error.code).toBe('not_published');
    const bad = await call(t, author, 'POST', '/api/v1/talking-points', { title: 'x', body: 'y', share_url: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('share_url');
  });

  it('asks an ambassador to accept the charter before sharing once one is published', async () => {
    await call(t, admin, 'POST', '/api/v1/charter', { body_fr: 'Charte', body_en: 'Charter' });
    const refused = await kit(ambA);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('charter_not_accepted');
    await call(t, ambA, 'POST', '/api/v1/charter/accept', { version: 1 });
    expect((await kit(ambA)).status).toBe(200);
  });
});
