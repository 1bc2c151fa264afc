// An ambassador reports a weak signal from a phone; the crisis team sees it arrive live, as inert text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { createWatchlist, XSS_IMG, XSS_SCRIPT } from '../support/e2e-data.js';
import { startTestServer, type TestServer } from '../support/server.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

describe.skipIf(!hasChromium)('ambassador signals', () => {
  let server: TestServer;
  let browser: Browser;
  let crisis: TestUser;
  let ambassador: TestUser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const admin = await createUser(server, 'admin');
    crisis = await createUser(server, 'crisis', { name: 'Chloé Crise' });
    ambassador = await createUser(server, 'ambassador', { name: 'Bruno Martin' });
    await createWatchlist(server, admin, 'ACME brand', 'acme');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('goes from the phone form to the crisis dashboard without a reload, markup shown as text', async () => {
    const desk = await newWatchedPage(browser);
    await signIn(desk.page, server.url, crisis.email, crisis.password);
    await desk.page.getByText('No signal yet').waitFor();
    await desk.page.locator('.live-status.is-open').waitFor();

    const phone = await newWatchedPage(browser, PHONE);
    await signIn(phone.page, server.url, ambassador.email, ambassador.password);
    const p = phone.page;
    await p.getByRole('heading', { name: 'Hello Bruno' }).waitFor();
    await screenshot(p, 'ambassador-phone');
    // The form says what is missing before sending anything.
    await p.getByRole('button', { name: 'Send to the crisis team' }).click();
    await p.getByText('Describe what you saw.').waitFor();

    const text = `Video of an ACME charger on fire is spreading ${XSS_IMG} ${XSS_SCRIPT}`;
    await p.getByLabel('What did you see?').fill(text);
    await p.getByLabel('Link (optional)').fill('https://www.tiktok.com/@someone/video/123');
    await p.getByLabel('Where?').selectOption('tiktok');
    await p.getByText('Spreading fast').click();
    await p.getByLabel('Topic (optional)').selectOption({ label: 'ACME brand' });
    await screenshot(p, 'ambassador-phone-filled');
    await p.getByRole('button', { name: 'Send to the crisis team' }).click();
    await p.getByRole('heading', { name: 'Thank you, your report was sent' }).waitFor();
    expect(await p.locator('.confirm-quote').textContent()).toBe(text);
    await p.locator('.my-signals .signal-item').first().waitFor();
    await screenshot(p, 'ambassador-phone-sent');

    const signal = desk.page.locator('.card-signals .signal-item').first();
    await signal.waitFor({ timeout: 10_000 });
    expect(await signal.locator('.signal-text').textContent()).toBe(text);
    expect(await signal.textContent()).toContain('Bruno Martin');
    expect(await signal.locator('.badge.sev-high').count()).toBe(1);
    expect(await signal.locator('a').getAttribute('href')).toBe('https://www.tiktok.com/@someone/video/123');
    expect(await desk.page.locator('.card-signals img, .card-signals script').count()).toBe(0);
    expect(await desk.page.evaluate('window.__pwned')).toBeUndefined();
    expect(await p.evaluate('window.__pwned')).toBeUndefined();
    await screenshot(desk.page, 'dashboard-live-signal');

    // The page is usable at phone width: nothing overflows sideways.
    expect(await p.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(desk.problems).toEqual([]);
    expect(phone.problems).toEqual([]);
    await desk.context.close();
    await phone.context.close();
  });

  it('keeps a javascript: link from a signal from becoming clickable', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/signals', headers: ambassador.auth, payload: { text: 'ACME odd link', url: 'javascript:window.__pwned=1', severity: 'low' } });
    if (res.statusCode === 201) {
      const { page, problems, context } = await newWatchedPage(browser);
      await signIn(page, server.url, crisis.email, crisis.password);
      await page.getByText('ACME odd link').waitFor();
      expect(await page.locator('.card-signals a[href^="javascript"]').count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    } else {
      expect(res.statusCode).toBe(400); // refused by the API: nothing to render
    }
  });
});
