// Signals from the ambassador app: replays of an offline report are one signal, and a shared link's
// preview is fetched under the collectors' address policy and limits without ever losing the report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { startPageServer, type PageServer } from '../support/page-server.js';

async function report(t: TestApp, user: TestUser, payload: object) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/signals', headers: user.auth, payload: { severity: 'medium', ...payload } });
  return { status: res.statusCode, body: res.json() };
}

describe('ambassador signals', () => {
  let t: TestApp;
  let pages: PageServer;
  let ambassador: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    [t, pages] = await Promise.all([createTestApp({}, { SIGNALS_PREVIEW_TIMEOUT_MS: '800', SIGNALS_PREVIEW_MAX_BYTES: String(512 * 1024) }), startPageServer()]);
    ambassador = await createUser(t, 'ambassador');
    other = await createUser(t, 'ambassador');
  });
  afterAll(async () => {
    await t?.close();
    await pages?.close();
  });

  it('files a report sent twice with the same client id once, per user', async () => {
    const first = await report(t, ambassador, { text: 'Rumour of a recall on a forum', client_id: 'c0ffee0000000001' });
    const again = await report(t, ambassador, { text: 'Rumour of a recall on a forum', client_id: 'c0ffee0000000001' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    // Concurrent deliveries (two tabs flushing) still make one signal.
    const racing = await Promise.all([1, 2, 3].map(() => report(t, ambassador, { text: 'Twice at once', client_id: 'c0ffee0000000002' })));
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    // Another user's id space is their own.
    expect((await report(t, other, { text: 'Same id, other person', client_id: 'c0ffee0000000001' })).status).toBe(201);
    const rows = await t.db.database.db.selectFrom('signals').select('id').where('client_id', 'in', ['c0ffee0000000001', 'c0ffee0000000002']).execute();
    expect(rows).toHaveLength(3);
    const mentions = await t.db.database.db.selectFrom('mentions').select('id').where('text', 'in', ['Rumour of a recall on a forum', 'Twice at once']).execute();
    expect(mentions).toHaveLength(2);
  });

  it('refuses malformed client ids and oversized reports, naming the field', async () => {
    const bad = await report(t, ambassador, { text: 'x', client_id: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/client_id/);
    const huge = await report(t, ambassador, { text: 'a'.repeat(5001) });
    expect(huge.status).toBe(400);
    expect(huge.body.error.message).toMatch(/text/);
  });

  it('stores the OpenGraph preview of the shared link with the signal', async () => {
    const res = await report(t, ambassador, { text: 'Charger fire video', url: `${pages.url}/post/1` });
    expect(res.status).toBe(201);
    expect(res.body.preview).toEqual({
      url: `${pages.url}/post/1`, title: 'ACME charger catches fire <b>live</b>', description: 'A customer filmed the charger burning in his kitchen.',
      site_name: 'Social Example', image_url: `${pages.url}/media/fire.jpg`,
    });
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/signals', headers: ambassador.auth });
    expect(listed.json().items.find((s: { id: string }) => s.id === res.body.id).preview.title).toBe('ACME charger catches fire <b>live</b>');
  });

  it('completes a page without tags from its oEmbed endpoint', async () => {
    const res = await report(t, ambassador, { text: 'Video', url: `${pages.url}/video/9` });
    expect(res.body.preview).toMatchObject({ title: 'Unboxing gone wrong', site_name: 'VideoSite', image_url: `${pages.url}/thumb.jpg` });
  });

  it('keeps the report when the preview fails: too big, too slow, or missing', async () => {
    for (const [path, reason] of [['/huge', /larger|too large|exceeds|limit/i], ['/stall', /within 800 ms/], ['/gone', /404/]] as const) {
      const res = await report(t, ambassador, { text: `Report with ${path}`, url: `${pages.url}${path}` });
      expect(res.status).toBe(201);
      expect(res.body.preview).toBeNull();
      expect(res.body.preview_error).toMatch(reason);
      expect(res.body.url).toBe(`${pages.url}${path}`);
    }
  });
});

describe('link previews under the address policy', () => {
  let t: TestApp;
  let pages: PageServer;
  let ambassador: TestUser;

  beforeAll(async () => {
    // No allowed hosts: 127.0.0.1 is a private address like any intranet host.
    [t, pages] = await Promise.all([createTestApp({}, { COLLECTORS_ALLOW_HOSTS: '' }), startPageServer()]);
    ambassador = await createUser(t, 'ambassador');
  });
  afterAll(async () => {
    await t?.close();
    await pages?.close();
  });

  it('never fetches a private address, and says why', async () => {
    for (const url of [`${pages.url}/post/2`, 'http://169.254.169.254/latest/meta-data/', 'http://localhost:1/x']) {
      const res = await report(t, ambassador, { text: 'Link to the inside', url });
      expect(res.status).toBe(201);
      expect(res.body.preview).toBeNull();
      expect(res.body.preview_error).toMatch(/not allowed/);
    }
    expect(pages.hits).toEqual([]);
  });
});
