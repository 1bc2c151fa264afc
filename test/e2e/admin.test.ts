// Settings in a real browser: a feed previewed before it is added, a push source's token shown once, a
// watchlist query checked as it is typed (with the error position), an escalation policy, a user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn, type WatchedPage } from '../support/browser.js';
import { pushMentions } from '../support/e2e-data.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startFeedServer, type FeedServer } from '../collectors/support/feed-server.js';

describe.skipIf(!hasChromium)('settings', () => {
  let server: TestServer;
  let browser: Browser;
  let feeds: FeedServer;
  let admin: TestUser;
  let watched: WatchedPage;

  beforeAll(async () => {
    [server, browser, feeds] = await Promise.all([startTestServer(), launchBrowser(), startFeedServer()]);
    admin = await createUser(server, 'admin', { name: 'Alice Admin' });
    await pushMentions(server, admin, [
      { text: 'Grève chez ACME à Lyon', minutesAgo: 30 }, { text: 'ACME recall announced', minutesAgo: 20 }, { text: 'Weather is nice', minutesAgo: 10 },
    ]);
    watched = await newWatchedPage(browser);
    await signIn(watched.page, server.url, admin.email, admin.password);
  }, 60_000);
  afterAll(async () => {
    await watched?.context.close();
    await browser?.close();
    await feeds?.close();
    await server?.close();
  });

  it('previews an RSS feed, adds it, and shows a push source token once', async () => {
    const page = watched.page;
    await page.goto(`${server.url}/#/admin/sources`);
    await page.getByRole('button', { name: 'Add RSS feed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add RSS feed' });
    await dialog.getByLabel('Feed address').fill(feeds.url('/feed'));
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.locator('.preview-title', { hasText: 'Grève chez ACME' }).waitFor();
    expect(await dialog.getByLabel('Name').inputValue()).toBe('Local feed');
    await screenshot(page, 'admin-source-preview');
    await dialog.getByRole('button', { name: 'Add source' }).click();
    await page.locator('tr', { hasText: 'Local feed' }).waitFor();
    expect(feeds.requests.some((r) => r.path === '/feed')).toBe(true);

    await page.getByRole('button', { name: 'Add push source' }).click();
    const push = page.getByRole('dialog', { name: 'Add push source' });
    await push.getByLabel('Name').fill('Brandwatch connector');
    await push.getByRole('button', { name: 'Create and show token' }).click();
    const tokenDialog = page.getByRole('dialog', { name: 'Token for Brandwatch connector' });
    const token = await tokenDialog.getByLabel('Ingest token').inputValue();
    expect(token).toMatch(/^pf_ing_/);
    await screenshot(page, 'admin-push-token');
    await page.keyboard.press('Escape');
    await tokenDialog.waitFor({ state: 'detached' });
    await page.locator('tr', { hasText: 'Brandwatch connector' }).waitFor();
    expect(await page.getByText(token).count()).toBe(0); // shown once, never listed
    await screenshot(page, 'admin-sources');
    expect(watched.problems).toEqual([]);
  });

  it('checks a watchlist query while it is typed and points at the error', async () => {
    const page = watched.page;
    watched.allowFailedResource(/\/api\/v1\/watchlists\/test$/); // a refused query is a 400, on purpose
    await page.goto(`${server.url}/#/admin/watchlists`);
    await page.getByRole('button', { name: 'New watchlist' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New watchlist' });
    await dialog.getByLabel('Name').fill('ACME France');
    await dialog.getByLabel('Query').fill('acme AND (grève OR');
    await dialog.locator('.query-error-box').waitFor();
    expect(await dialog.locator('.query-mark').count()).toBe(1);
    expect(await dialog.getByLabel('Query').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'admin-watchlist-error');
    await dialog.getByLabel('Query').fill('acme AND (grève OR recall)');
    await dialog.getByText(/Valid query: matches 2 of 3 recent mentions/).waitFor();
    await dialog.getByRole('button', { name: 'Add risk term' }).click();
    await dialog.getByLabel('Term').fill('grève');
    await screenshot(page, 'admin-watchlist-valid');
    await dialog.getByRole('button', { name: 'Create watchlist' }).click();
    await page.locator('.entity-name', { hasText: 'ACME France' }).waitFor();
    const row = await server.db.database.db.selectFrom('watchlists').select(['query', 'risk_terms']).where('name', '=', 'ACME France').executeTakeFirstOrThrow();
    expect(row.query).toBe('acme AND (grève OR recall)');
    expect(row.risk_terms).toEqual([{ term: 'grève', weight: 1 }]);
    expect(watched.problems).toEqual([]);
  });

  it('creates an escalation policy with two steps and a user', async () => {
    const page = watched.page;
    await page.goto(`${server.url}/#/admin/policies`);
    await page.getByRole('button', { name: 'New policy' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New escalation policy' });
    await dialog.getByLabel('Name').fill('Office hours');
    await dialog.getByRole('button', { name: 'Add step' }).click();
    const second = dialog.locator('.step-editor').nth(1);
    await second.getByLabel('Wait (minutes)').fill('15');
    await second.getByLabel('Administrator').check();
    await second.getByLabel('Extra email addresses').fill('duty@example.org');
    await screenshot(page, 'admin-policy-editor');
    await dialog.getByRole('button', { name: 'Create policy' }).click();
    await page.locator('.entity-name', { hasText: 'Office hours' }).waitFor();
    const policy = await server.db.database.db.selectFrom('escalation_policies').selectAll().where('name', '=', 'Office hours').executeTakeFirstOrThrow();
    expect((policy.steps as unknown as { delay_minutes: number }[]).map((s) => s.delay_minutes)).toEqual([0, 15]);
    await screenshot(page, 'admin-policies');

    await page.goto(`${server.url}/#/admin/users`);
    await page.getByRole('button', { name: 'New user' }).click();
    const user = page.getByRole('dialog', { name: 'New user' });
    await user.getByLabel('Full name').fill('Zoé Ambassadrice');
    await user.getByLabel('Email').fill('zoe@example.test');
    await user.getByRole('button', { name: 'Create user' }).click();
    const created = page.getByRole('dialog', { name: 'Zoé Ambassadrice can now sign in' });
    expect((await created.getByLabel('Password').inputValue()).length).toBeGreaterThanOrEqual(10);
    await page.keyboard.press('Escape');
    await page.locator('tr', { hasText: 'zoe@example.test' }).waitFor();
    await screenshot(page, 'admin-users');
    expect(watched.problems).toEqual([]);
  });

  it('makes a group of ambassadors', async () => {
    const page = watched.page;
    const amb = await createUser(server, 'ambassador', { name: 'Bruno Martin' });
    await page.goto(`${server.url}/#/admin/groups`);
    await page.getByText('No group yet').waitFor();
    await page.getByRole('button', { name: 'New group' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New group' });
    await dialog.getByLabel('Name').fill('Lyon store');
    await dialog.getByLabel('Filter people').fill('bruno');
    await dialog.getByLabel(/Bruno Martin/).check();
    await dialog.getByRole('button', { name: 'Create group' }).click();
    await page.locator('.entity-item', { hasText: 'Lyon store' }).getByText('1 member').waitFor();
    const members = await server.db.database.db.selectFrom('group_members').select('user_id').execute();
    expect(members.map((m) => m.user_id)).toEqual([amb.id]);
    await screenshot(page, 'admin-groups');
    expect(watched.problems).toEqual([]);
  });
});
