// Closing the loop: comms draft, review (four eyes) and publish a talking point; the ambassador sees it
// arrive on the phone, confirms reading and copies the approved wording; the receipts show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('talking points from comms to ambassadors', () => {
  let server: TestServer;
  let browser: Browser;
  let author: TestUser;
  let reviewer: TestUser;
  let ambassador: TestUser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    author = await createUser(server, 'comms', { name: 'Camille Auteur' });
    reviewer = await createUser(server, 'comms', { name: 'Dominique Relecture' });
    ambassador = await createUser(server, 'ambassador', { name: 'Bruno Martin' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is drafted, reviewed by someone else, published, read and shared', async () => {
    const phone = await newWatchedPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(phone.page, server.url, ambassador.email, ambassador.password);
    await phone.page.getByText('No talking point right now').waitFor();
    await phone.page.locator('.live-status.is-open').waitFor();

    const writer = await newWatchedPage(browser);
    await signIn(writer.page, server.url, author.email, author.password);
    const w = writer.page;
    await w.getByRole('heading', { name: 'Talking points' }).waitFor();
    await w.getByRole('button', { name: 'New talking point' }).click();
    const editor = w.getByRole('dialog', { name: 'New talking point' });
    await editor.getByLabel('Title').first().fill('Charger recall: the facts');
    await editor.getByLabel('Message').first().fill('ACME is recalling the C-20 charger as a precaution. No injury has been reported.\nDetails: acme.example/recall');
    await editor.getByLabel('Ambassadors may share it publicly').check();
    await editor.getByLabel('Suggested post').fill('ACME is recalling the C-20 charger as a precaution. Details: acme.example/recall');
    await editor.getByLabel('Tags').fill('recall, c-20');
    await screenshot(w, 'comms-editor');
    await editor.getByRole('button', { name: 'Create draft' }).click();
    const draft = w.locator('.point-card', { hasText: 'Charger recall: the facts' });
    await draft.waitFor();
    await draft.getByRole('button', { name: 'Submit for review' }).click();
    await w.getByRole('button', { name: /In review/ }).click();
    await w.locator('.point-card', { hasText: 'Charger recall: the facts' }).getByText('Waiting for another member').waitFor();
    expect(await w.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0); // four eyes

    const checker = await newWatchedPage(browser);
    await signIn(checker.page, server.url, reviewer.email, reviewer.password);
    const c = checker.page;
    const inReview = c.locator('.point-card', { hasText: 'Charger recall: the facts' });
    await inReview.getByRole('button', { name: 'Approve', exact: true }).click();
    await c.getByRole('button', { name: /^Approved/ }).click();
    await screenshot(c, 'comms-console');
    await c.locator('.point-card', { hasText: 'Charger recall: the facts' }).getByRole('button', { name: 'Publish' }).click();
    await c.getByText('Published to ambassadors').waitFor();

    const p = phone.page;
    const item = p.locator('.feed-item', { hasText: 'Charger recall: the facts' });
    await item.waitFor({ timeout: 10_000 });
    expect(await item.locator('.feed-body').textContent()).toContain('No injury has been reported.');
    await screenshot(p, 'ambassador-feed');
    await item.getByRole('button', { name: 'Copy' }).click();
    await item.getByRole('button', { name: 'Copied ✓' }).waitFor();
    expect(await p.evaluate('navigator.clipboard.readText()')).toBe('ACME is recalling the C-20 charger as a precaution. Details: acme.example/recall');
    await item.getByRole('button', { name: 'I have read it' }).click();
    await item.locator('.read-mark').waitFor();

    await c.getByRole('button', { name: 'Published' }).click();
    await c.locator('.point-card', { hasText: 'Charger recall: the facts' }).getByRole('button', { name: 'Receipts' }).click();
    const receipts = c.getByRole('dialog', { name: /Receipts/ });
    await receipts.getByText('Bruno Martin').waitFor();
    expect(await receipts.locator('.stat-value').allTextContents()).toEqual(['1', '1', '0']);
    await screenshot(c, 'comms-receipts');

    for (const watched of [phone, writer, checker]) {
      expect(watched.problems).toEqual([]);
      await watched.context.close();
    }
  });

  it('retires a point after confirmation, and an open ambassador page drops it at once with a notice', async () => {
    const call = async (who: TestUser, url: string, payload?: object) => {
      const res = await server.app.inject({ method: 'POST', url, headers: who.auth, ...(payload ? { payload } : {}) });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    const point = await call(author, '/api/v1/talking-points', { title: 'Old line about chargers', body: 'Chargers are safe, full stop.' });
    await call(author, `/api/v1/talking-points/${point.id}/submit`);
    await call(reviewer, `/api/v1/talking-points/${point.id}/approve`);
    await call(reviewer, `/api/v1/talking-points/${point.id}/publish`);

    const phone = await newWatchedPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(phone.page, server.url, ambassador.email, ambassador.password);
    const item = phone.page.locator('.feed-item', { hasText: 'Old line about chargers' });
    await item.waitFor();
    await phone.page.locator('.live-status.is-open').waitFor();

    const console = await newWatchedPage(browser);
    await signIn(console.page, server.url, reviewer.email, reviewer.password);
    await console.page.getByRole('button', { name: 'Published' }).click();
    const card = console.page.locator('.point-card', { hasText: 'Old line about chargers' });
    await card.getByRole('button', { name: 'Retire' }).click();
    const confirm = console.page.getByRole('dialog', { name: 'Retire this talking point?' });
    await confirm.getByText('will disappear from every ambassador').waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect((await server.app.inject({ method: 'GET', url: `/api/v1/talking-points/${point.id}`, headers: reviewer.auth })).json().status).toBe('published');
    await card.getByRole('button', { name: 'Retire' }).click();
    await confirm.getByRole('button', { name: 'Retire' }).click();

    // No reload on the phone: the point goes, with a notice not to use it.
    await item.waitFor({ state: 'detached', timeout: 10_000 });
    await phone.page.locator('.toast', { hasText: 'do not use it any more: Old line about chargers' }).waitFor();
    await screenshot(phone.page, 'ambassador-retired');
    for (const watched of [phone, console]) {
      expect(watched.problems).toEqual([]);
      await watched.context.close();
    }
  }, 90_000);
});
