// Everyday friction, in a real browser: a generated password is replaced at the first sign-in; toasts
// show above open dialogs; the crisis dashboard fits a 390 px phone (nothing clipped, no sideways scroll).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, uniqueEmail, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { createWatchlist, raiseAlert } from '../support/e2e-data.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('everyday fixes', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestUser;
  let watchlistId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    admin = await createUser(server, 'admin', { name: 'Alice Admin' });
    watchlistId = await createWatchlist(server, admin, 'ACME brand', 'acme');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('asks for a new password after signing in with a generated one, on a 390 px phone; the dashboard fits', async () => {
    const email = uniqueEmail('phone');
    const created = await server.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email, name: 'Paul Phone', role: 'crisis', lang: 'en' } });
    const generated = created.json().generated_password as string;
    await raiseAlert(server, watchlistId, { kind: 'negative_surge' }, 'critical');
    const { page, problems, context } = await newWatchedPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
    await signIn(page, server.url, email, generated);
    const dialog = page.getByRole('dialog', { name: 'Change my password' });
    await dialog.getByText('Your password was generated for you').waitFor();
    await dialog.getByLabel('Current password').fill(generated);
    await dialog.getByLabel('New password').fill('my own phone passphrase');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await page.locator('.toast-success', { hasText: 'Password changed' }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect((await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'my own phone passphrase' } })).statusCode).toBe(200);

    const item = page.locator('.alert-item').first();
    await item.waitFor();
    // Nothing scrolls sideways, and every action of the alert row is inside the screen.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    for (const name of ['Acknowledge', 'Resolve', 'Snooze']) {
      const box = await item.getByRole('button', { name }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${name} clipped`).toBeLessThanOrEqual(390);
    }
    for (const link of await page.locator('.mainnav .nav-link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width, `${await link.textContent()} cut off`).toBeLessThanOrEqual(390);
    }
    await screenshot(page, 'dashboard-390');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a toast above an open dialog', async () => {
    const { page, problems, context, allowFailedResource } = await newWatchedPage(browser);
    allowFailedResource(/\/api\/v1\/auth\/password$/); // the wrong current password, on purpose
    await signIn(page, server.url, admin.email, admin.password);
    await page.locator('.user-chip').click();
    const dialog = page.getByRole('dialog', { name: 'Change my password' });
    await dialog.getByLabel('Current password').fill(admin.password);
    await dialog.getByLabel('New password').fill('short');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText('At least 10 characters.').first().waitFor();
    await dialog.getByLabel('Current password').fill('wrong but long enough');
    await dialog.getByLabel('New password').fill('another long passphrase');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await dialog.getByText('This is not your current password.').waitFor();
    // A toast raised while the modal is open is drawn on top of it (the element at its centre is the toast).
    await page.evaluate(`import('/js/components/toast.js').then((m) => m.toast('Saved while a dialog is open', 'info', 10000))`);
    const toast = page.locator('.toast', { hasText: 'Saved while a dialog is open' });
    await toast.waitFor();
    const box = (await toast.boundingBox())!;
    const topmost = await page.evaluate(`document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.closest('.toast')?.textContent ?? null`);
    expect(topmost).toContain('Saved while a dialog is open');
    // It can be closed while the dialog is open, and survives the dialog closing.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await toast.waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
