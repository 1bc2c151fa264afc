// The add-source flow in a real browser: an RSS preset fills the feed address; a Hacker News search is
// previewed (the first posts it would store, nothing saved), added, polled, and its health shown in the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn, type WatchedPage } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSocialServer, type SocialServer } from '../connectors/social-server.js';

describe.skipIf(!hasChromium)('adding social sources', () => {
  let server: TestServer;
  let browser: Browser;
  let net: SocialServer;
  let admin: TestUser;
  let watched: WatchedPage;

  beforeAll(async () => {
    [server, browser, net] = await Promise.all([startTestServer(), launchBrowser(), startSocialServer()]);
    admin = await createUser(server, 'admin', { name: 'Alice Admin' });
    watched = await newWatchedPage(browser);
    await signIn(watched.page, server.url, admin.email, admin.password);
  }, 60_000);
  afterAll(async () => {
    await watched?.context.close();
    await browser?.close();
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
});
