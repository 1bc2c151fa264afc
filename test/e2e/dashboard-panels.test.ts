// The dashboard's side panels follow what happens without a reload: the source health panel shows a source
// added (or failing) after the page opened when the next alert is raised, on reconnect, or on its timer; the
// chart opens on the most urgent alert's watchlist, not the alphabetically first one; the incident page and
// its report fit a 390 px phone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, signIn } from '../support/browser.js';
import { createWatchlist, raiseAlert } from '../support/e2e-data.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('dashboard panels', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestUser;
  let crisis: TestUser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    admin = await createUser(server, 'admin');
    crisis = await createUser(server, 'crisis');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a source added after the page opened once an alert is raised, without a reload', async () => {
    const { page, problems, context } = await newWatchedPage(browser);
    await signIn(page, server.url, crisis.email, crisis.password);
    await page.locator('.live-status.is-open').waitFor();
    await page.locator('.sources-health').waitFor();
    expect(await page.locator('.source-item', { hasText: 'Press wire' }).count()).toBe(0);

    const created = await server.app.inject({ method: 'POST', url: '/api/v1/sources', headers: admin.auth, payload: { kind: 'push', name: 'Press wire' } });
    expect(created.statusCode, created.body).toBe(201);
    const watchlistId = await createWatchlist(server, admin, 'ACME', 'acme');
    await raiseAlert(server, watchlistId, { kind: 'negative_surge' }, 'high');
    await page.locator('.source-item', { hasText: 'Press wire' }).waitFor({ timeout: 15_000 });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the chart on the watchlist of the most urgent alert', async () => {
    await createWatchlist(server, admin, 'Aardvark (quiet)', 'aardvark');
    const urgent = await createWatchlist(server, admin, 'Zeppelin', 'zeppelin');
    await raiseAlert(server, urgent, { kind: 'volume_spike' }, 'critical');
    const { page, problems, context } = await newWatchedPage(browser);
    await signIn(page, server.url, crisis.email, crisis.password);
    const select = page.locator('.chart select').first();
    await expect.poll(() => select.inputValue(), { timeout: 15_000 }).toBe(urgent);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an incident page and its after-action report at 390 px without sideways overflow', async () => {
    const wl = await createWatchlist(server, admin, 'Phone incident', 'phone');
    const alert = await raiseAlert(server, wl, { kind: 'negative_surge' }, 'high');
    const declared = await server.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: crisis.auth, payload: { title: 'Rumour on a phone-sized screen', summary: 'A long summary that must wrap on a narrow screen without pushing the page sideways.', alert_ids: [alert.id] } });
    expect(declared.statusCode, declared.body).toBe(201);
    const { page, problems, context } = await newWatchedPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(page, server.url, crisis.email, crisis.password);
    await page.goto(`${server.url}/#/incidents/${declared.json().id}`);
    await page.locator('h1', { hasText: 'Rumour on a phone-sized screen' }).waitFor();
    await page.locator('.timeline-declared').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.locator('[data-action="resolve"]').click();
    await page.locator('dialog[open] .btn-primary').click();
    await page.locator('.report [data-figure="ack_seconds"]').waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
    await context.close();
  });
});
