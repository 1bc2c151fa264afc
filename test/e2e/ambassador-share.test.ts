// Sharing a post from another app: the share sheet opens the prefilled form, and the crisis dashboard
// receives the signal with the server-fetched preview of the shared link, shown as inert text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { seriousA11yViolations } from '../support/axe.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { startPageServer, type PageServer } from '../support/page-server.js';
import { startTestServer, type TestServer } from '../support/server.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

describe.skipIf(!hasChromium)('share to Pilotfish', () => {
  let server: TestServer;
  let pages: PageServer;
  let browser: Browser;
  let crisis: TestUser;
  let ambassador: TestUser;

  beforeAll(async () => {
    [server, browser, pages] = await Promise.all([startTestServer(), launchBrowser(), startPageServer()]);
    crisis = await createUser(server, 'crisis', { name: 'Chloé Crise' });
    ambassador = await createUser(server, 'ambassador', { name: 'Bruno Martin' });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await server?.close();
  });

  it('declares the share target in the manifest', async () => {
    const manifest = await (await fetch(`${server.url}/manifest.webmanifest`)).json() as { share_target: { action: string; method: string; params: Record<string, string> } };
    expect(manifest.share_target).toMatchObject({ action: '/share', method: 'GET', params: { title: 'title', text: 'text', url: 'url' } });
  });

  it('opens the prefilled form from a share and the signal reaches the dashboard with its preview', async () => {
    const desk = await newWatchedPage(browser);
    await signIn(desk.page, server.url, crisis.email, crisis.password);
    await desk.page.locator('.live-status.is-open').waitFor();

    const phone = await newWatchedPage(browser, PHONE);
    const p = phone.page;
    await signIn(p, server.url, ambassador.email, ambassador.password);
    // What Android does when X shares a post: the link inside the text.
    const shared = new URLSearchParams({ title: 'Post by @angry_customer', text: `My ACME charger caught fire ${pages.url}/post/42` });
    await p.goto(`${server.url}/share?${shared}`);
    await p.getByRole('heading', { name: 'Hello Bruno' }).waitFor();
    expect(await p.getByLabel('What did you see?').inputValue()).toBe('Post by @angry_customer\nMy ACME charger caught fire');
    expect(await p.getByLabel('Link (optional)').inputValue()).toBe(`${pages.url}/post/42`);
    expect(await p.evaluate('document.activeElement && document.activeElement.name')).toBe('text');
    await screenshot(p, 'ambassador-share-prefilled');
    expect(await seriousA11yViolations(p)).toEqual([]);
    await p.getByRole('button', { name: 'Send to the crisis team' }).click();
    await p.getByRole('heading', { name: 'Thank you, your report was sent' }).waitFor();

    const signal = desk.page.locator('.card-signals .signal-item').first();
    await signal.locator('.link-preview').waitFor({ timeout: 10_000 });
    expect(await signal.locator('.link-preview-title').textContent()).toBe('ACME charger catches fire <b>live</b>');
    expect(await signal.locator('.link-preview-site').textContent()).toBe('Social Example');
    expect(await signal.locator('.link-preview-desc').textContent()).toBe('A customer filmed the charger burning in his kitchen.');
    expect(await signal.locator('.link-preview-image a').getAttribute('href')).toBe(`${pages.url}/media/fire.jpg`);
    expect(await desk.page.locator('.card-signals b, .card-signals img').count()).toBe(0);
    await screenshot(desk.page, 'dashboard-signal-preview');
    expect(desk.problems).toEqual([]);
    expect(phone.problems).toEqual([]);
    await desk.context.close();
    await phone.context.close();
  });

  it('says what is wrong with an oversized or malformed share instead of sending it', async () => {
    const phone = await newWatchedPage(browser, PHONE);
    const p = phone.page;
    await signIn(p, server.url, ambassador.email, ambassador.password);
    await p.goto(`${server.url}/share?${new URLSearchParams({ text: 'x'.repeat(6000), url: 'ftp://files.example/a' })}`);
    await p.getByText('What was shared is longer than 5,000 characters').waitFor();
    await p.getByText('Enter a web address starting with http:// or https://').waitFor();
    expect((await p.getByLabel('What did you see?').inputValue()).length).toBe(5000);
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });
});
