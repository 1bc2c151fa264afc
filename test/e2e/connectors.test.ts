// The add-source flow in a real browser: an RSS preset fills the feed address; a Hacker News search is
// previewed (the first posts it would store, nothing saved), added, polled, and its health shown in the list;
// a Mastodon hashtag source on a local instance (token-protected) is previewed, added, streamed by a
// stream-connector runtime on the same database, and shown connected; a Bluesky firehose on a local Jetstream
// relay is previewed live, added with a backfill account (the app password sealed), and shown connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn, type WatchedPage } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSocialServer, type SocialServer } from '../connectors/social-server.js';
import { MastodonServer } from '../connectors/support/mastodon-server.js';
import { JetstreamRelay, postEvent } from '../connectors/support/jetstream-relay.js';
import { STREAM_TEST_CONFIG, streamInstance, type Instance } from '../connectors/support/streams.js';
import { waitUntil } from '../support/live.js';

interface SourceRow { id: string; name: string; kind: string; state: string | null; config: Record<string, unknown> }

describe.skipIf(!hasChromium)('adding social sources', () => {
  let server: TestServer;
  let browser: Browser;
  let net: SocialServer;
  let mastodon: MastodonServer;
  let relay: JetstreamRelay;
  let streams: Instance;
  let admin: TestUser;
  let watched: WatchedPage;

  beforeAll(async () => {
    // Short stream timings, so that the runtime picks up a new source within a second.
    [server, browser, net, mastodon, relay] = await Promise.all([
      startTestServer({ stream_connectors: STREAM_TEST_CONFIG.stream_connectors }), launchBrowser(), startSocialServer(), new MastodonServer().start(), new JetstreamRelay().start(),
    ]);
    streams = streamInstance(server, 'browser-test');
    await streams.runtime.start();
    admin = await createUser(server, 'admin', { name: 'Alice Admin' });
    watched = await newWatchedPage(browser);
    await signIn(watched.page, server.url, admin.email, admin.password);
  }, 60_000);
  afterAll(async () => {
    await watched?.context.close();
    await browser?.close();
    await streams?.runtime.stop();
    await mastodon?.close();
    await relay?.close();
    await net?.close();
    await server?.close();
  });

  it('fills the feed address from a Google News preset', async () => {
    const page = watched.page;
    await page.goto(`${server.url}/#/admin/sources`);
    await page.getByRole('button', { name: 'Add RSS feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add RSS feed' });
    await dialog.getByLabel('Preset').selectOption('gnews_fr');
    await dialog.getByLabel('Search terms, or the channel id for YouTube').fill('grève ACME');
    expect(await dialog.getByLabel('Feed address').inputValue()).toBe('https://news.google.com/rss/search?q=gr%C3%A8ve%20ACME&hl=fr&gl=FR&ceid=FR:fr');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('previews a Hacker News search, adds it, and shows its health', async () => {
    const now = Math.floor(Date.now() / 1000);
    net.hn.push(
      { objectID: '9001', title: 'Initech data leak confirmed', author: 'pg', created_at_i: now - 120, points: 321, num_comments: 45, _tags: ['story'] },
      { objectID: '9002', comment_text: '<p>Initech never answered my <i>emails</i></p>', author: 'dang', created_at_i: now - 60, _tags: ['comment'] },
    );
    const page = watched.page;
    await page.goto(`${server.url}/#/admin/sources`);
    await page.getByRole('button', { name: 'Add social source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add social source' });
    await dialog.getByLabel('Network').selectOption('hackernews');
    await dialog.getByLabel('Search').fill('initech');
    await dialog.getByLabel('API address (optional)').fill(net.url('/api/v1'));
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.locator('.preview-title', { hasText: 'Initech data leak confirmed' }).waitFor();
    await dialog.locator('.preview-title', { hasText: 'Initech never answered my emails' }).waitFor();
    expect(await dialog.locator('.preview').textContent()).toContain('321 likes');
    await screenshot(page, 'admin-connector-preview');
    // Nothing saved by the preview.
    const before = await fetch(`${server.url}/api/v1/sources`, { headers: admin.auth }).then((r) => r.json() as Promise<{ items: unknown[] }>);
    await dialog.getByLabel('Name').fill('HN Initech');
    await dialog.getByRole('button', { name: 'Add source' }).click();
    const row = page.locator('tr', { hasText: 'HN Initech' });
    await row.waitFor();
    const after = await fetch(`${server.url}/api/v1/sources`, { headers: admin.auth }).then((r) => r.json() as Promise<{ items: { name: string; id: string }[] }>);
    expect(after.items.length).toBe(before.items.length + 1);
    const id = after.items.find((s) => s.name === 'HN Initech')!.id;
    const polled = await fetch(`${server.url}/api/v1/sources/${id}/poll`, { method: 'POST', headers: { ...admin.auth, 'content-type': 'application/json' }, body: '{}' }).then((r) => r.json() as Promise<{ accepted: number }>);
    expect(polled.accepted).toBe(2);
    await page.reload();
    await page.locator('tr', { hasText: 'HN Initech' }).locator('.source-state', { hasText: 'Connected' }).waitFor();
    await screenshot(page, 'admin-connector-health');
    expect(watched.problems).toEqual([]);
  });

  it('previews a Mastodon hashtag on a token-protected instance, adds it, and shows it connected', async () => {
    mastodon.token = 'masto-access-token-secret';
    mastodon.post('Initech <b>#outage</b> again, third time this week', { tags: ['outage'] });
    mastodon.post('Is anyone else seeing the #outage at Initech?', { tags: ['outage'], followers: 4200 });
    const sources = async () => (await fetch(`${server.url}/api/v1/sources`, { headers: admin.auth }).then((r) => r.json() as Promise<{ items: SourceRow[] }>)).items;
    const page = watched.page;
    await page.goto(`${server.url}/#/admin/sources`);
    await page.getByRole('button', { name: 'Add social source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add social source' });
    await dialog.getByLabel('Network').selectOption('mastodon');
    await dialog.getByLabel('Instance address').fill(mastodon.url);
    await dialog.getByLabel('Hashtags (comma-separated)').fill('#outage');
    // Without the token the instance refuses: the preview says so, and nothing is shown as posts.
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.locator('.preview-title').count()).toBe(0);
    await dialog.getByLabel('Access token (optional)').fill('masto-access-token-secret');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.locator('.preview-title', { hasText: 'Is anyone else seeing the #outage at Initech?' }).waitFor();
    await dialog.locator('.preview-title', { hasText: 'Initech #outage again, third time this week' }).waitFor();
    expect(mastodon.requests.at(-1)).toMatchObject({ path: '/api/v1/timelines/tag/outage', authorization: 'Bearer masto-access-token-secret' });
    await screenshot(page, 'admin-connector-mastodon-preview');
    const before = (await sources()).length;
    await dialog.getByLabel('Name').fill('Mastodon #outage');
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await page.locator('tr', { hasText: 'Mastodon #outage' }).waitFor();
    const added = (await sources()).find((s) => s.name === 'Mastodon #outage')!;
    expect((await sources()).length).toBe(before + 1);
    expect(added).toMatchObject({ kind: 'mastodon', config: { hashtags: ['outage'] } });
    expect(JSON.stringify(added)).not.toContain('masto-access-token-secret');
    // The runtime leases the new source, streams it with the sealed token, and records its health.
    await waitUntil(async () => mastodon.streamingClients === 1 && (await sources()).find((s) => s.id === added.id)?.state === 'connected', 10_000);
    await page.reload();
    await page.locator('tr', { hasText: 'Mastodon #outage' }).locator('.source-state', { hasText: 'Connected' }).waitFor();
    await screenshot(page, 'admin-connector-mastodon-health');
    expect(watched.problems).toEqual([]);
  });

  it('previews the Bluesky firehose live, adds it with a backfill account, and shows it connected', async () => {
    const sources = async () => (await fetch(`${server.url}/api/v1/sources`, { headers: admin.auth }).then((r) => r.json() as Promise<{ items: SourceRow[] }>)).items;
    const page = watched.page;
    await page.goto(`${server.url}/#/admin/sources`);
    await page.getByRole('button', { name: 'Add social source' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add social source' });
    await dialog.getByLabel('Network').selectOption('bluesky');
    await dialog.getByLabel('Jetstream endpoint (optional)').fill(relay.url);
    // The preview listens to the live firehose for a few seconds: a post made meanwhile is shown.
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await waitUntil(async () => relay.connections === 1, 10_000);
    relay.emit(postEvent(42, 'Initech customers report a Bluesky-wide outage'));
    await dialog.locator('.preview-title', { hasText: 'Initech customers report a Bluesky-wide outage' }).waitFor({ timeout: 10_000 });
    await dialog.getByLabel('Bluesky handle for backfill (optional)').fill('acme.bsky.social');
    await dialog.getByLabel('App password (optional)').fill('bsky-app-password-secret');
    await dialog.getByLabel('Name').fill('Bluesky firehose');
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await page.locator('tr', { hasText: 'Bluesky firehose' }).waitFor();
    const added = (await sources()).find((s) => s.name === 'Bluesky firehose')!;
    expect(added).toMatchObject({ kind: 'bluesky', config: { backfill: true, identifier: 'acme.bsky.social' } });
    expect(JSON.stringify(added)).not.toContain('bsky-app-password-secret');
    await waitUntil(async () => relay.connections === 1 && (await sources()).find((s) => s.id === added.id)?.state === 'connected', 10_000);
    await page.reload();
    await page.locator('tr', { hasText: 'Bluesky firehose' }).locator('.source-state', { hasText: 'Connected' }).waitFor();
    expect(watched.problems).toEqual([]);
  });
});
