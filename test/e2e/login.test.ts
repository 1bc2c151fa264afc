// Signing in through the real page, role-aware navigation, language switch, signing out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('sign-in in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves the app with a strict CSP and keeps unknown API paths as JSON 404s', async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(home.headers.get('cache-control')).toBe('no-cache');
    const csp = home.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    const missing = await fetch(`${server.url}/api/v1/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses a wrong password, then signs in, shows the role\'s pages, switches language and signs out', async () => {
    const admin = await createUser(server, 'admin', { name: 'Alice Admin' });
    const { page, problems, allowFailedResource, context } = await newWatchedPage(browser);
    allowFailedResource(/\/api\/v1\/auth\/login$/);
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: 'Sign in' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'login');

    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password.').waitFor();

    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Crisis dashboard' }).waitFor();
    const nav = await page.locator('.mainnav a').allTextContents();
    expect(nav).toEqual(['Dashboard', 'Report & updates', 'Incidents', 'Analytics', 'Talking points', 'Settings']);
    // The session is an HttpOnly cookie: no script can read it.
    expect(await page.evaluate('document.cookie')).not.toMatch(/pf_session/);
    expect((await context.cookies()).find((c) => c.name === 'pf_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Tableau de bord de crise' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.locator('.live-status.is-open').waitFor();
    await screenshot(page, 'dashboard-empty-fr');
    await page.goto(`${server.url}/#/comms`);
    await page.getByRole('heading', { name: 'Éléments de langage' }).waitFor();
    await page.locator('.comms-body .state').waitFor();
    await screenshot(page, 'comms-empty-fr');
    await page.getByLabel('Langue').selectOption('en');
    await page.goto(`${server.url}/#/field`);
    await page.getByRole('heading', { name: 'Hello Alice' }).waitFor();
    await page.locator('.feed .state').waitFor();
    await screenshot(page, 'field-desktop');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an ambassador only their page, in French when the browser is French', async () => {
    const amb = await createUser(server, 'ambassador', { name: 'Bruno Ambassadeur', lang: 'fr' });
    const watched = await newWatchedPage(browser, { locale: 'fr-FR', viewport: { width: 390, height: 844 }, isMobile: true });
    const { page, problems, context } = watched;
    await signIn(page, server.url, amb.email, amb.password);
    await page.getByRole('heading', { name: 'Bonjour Bruno' }).waitFor();
    // One page only: no navigation bar, the brand leads home.
    expect(await page.locator('.mainnav').isVisible()).toBe(false);
    expect(await page.locator('.brand').getAttribute('href')).toBe('#/field');
    await page.goto(`${server.url}/#/admin/users`);
    await page.getByRole('heading', { name: 'Bonjour Bruno' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
