// Escalation seen live on the crisis dashboard, on a desktop and on a 390 px phone: the row says which
// step of how many and who was reached, without a reload; the detail lists each step's deliveries, and an
// email that could not go out (no SMTP configured) reads "email not configured", not a red failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { createWatchlist, raiseAlert } from '../support/e2e-data.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('escalation on screen', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestUser;
  let crisis: TestUser;
  let watchlistId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    admin = await createUser(server, 'admin', { name: 'Alice Admin' });
    crisis = await createUser(server, 'crisis', { name: 'Chloé Crise' });
    watchlistId = await createWatchlist(server, admin, 'ACME brand', 'acme');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/escalation-policies', headers: admin.auth, payload: { name: 'Two steps', watchlist_id: watchlistId, steps: [
      { delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['ws', 'email'] },
      { delay_minutes: 5, targets: [{ user_id: admin.id }], channels: ['ws', 'email'] },
    ] } });
    expect(res.statusCode, res.body).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    it(`shows step 2 of 2 and who was notified live, and the deliveries in the detail (${viewport.width} px)`, async () => {
      const { page, problems, context } = await newWatchedPage(browser, { viewport, isMobile: viewport.width < 500 });
      await signIn(page, server.url, crisis.email, crisis.password);
      await page.locator('.live-status.is-open').waitFor();
      const raised = await raiseAlert(server, watchlistId, { kind: 'negative_surge' }, 'high');
      const row = page.locator(`[data-alert-id="${raised.id}"]`);
      await row.locator('.alert-figures', { hasText: 'step 1 of 2' }).waitFor({ timeout: 10_000 });
      expect(await row.locator('.alert-figures').textContent()).toMatch(/notified: Crisis team \(In app\), Chloé Crise \(Email\)/);

      await server.services.alerts.tick(new Date(Date.now() + 6 * 60_000));
      await row.locator('.alert-figures', { hasText: 'step 2 of 2' }).waitFor({ timeout: 10_000 });
      const figures = await row.locator('.alert-figures').textContent();
      expect(figures).toMatch(/notified: Alice Admin \(In app\), Alice Admin \(Email\)/);
      expect(figures).not.toMatch(/next/);

      await row.locator('.alert-title button').click();
      const drawer = page.locator('dialog.drawer');
      await drawer.locator('.deliveries [data-step="2"]').waitFor();
      // The outbox records the email as skipped (no SMTP here): it says so, in neutral grey.
      await drawer.locator('.deliveries .delivery[data-status="skipped"]', { hasText: 'email not configured' }).first().waitFor({ timeout: 10_000 });
      expect(await drawer.locator('.deliveries .badge-danger').count()).toBe(0);
      expect(await drawer.locator('.deliveries [data-step="1"]').textContent()).toContain('Step 1 of 2');
      expect(await drawer.getByText('Notification failed').count()).toBe(0);
      await screenshot(page, `escalation-detail-${viewport.width}`);
      await page.keyboard.press('Escape');

      // After a reload the row still reads "step 2 of 2", never "step 3".
      await page.reload();
      await row.locator('.alert-figures', { hasText: 'step 2 of 2' }).waitFor();
      expect(await page.locator('.alert-figures', { hasText: 'step 3' }).count()).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
