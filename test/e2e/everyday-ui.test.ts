// More everyday fixes, in Chromium: the API documentation at /docs runs under a strict Content-Security-
// Policy without a single violation; the French interface says alerts' titles, explanations and statuses in
// French; the source health panel follows the stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { createWatchlist, raiseAlert } from '../support/e2e-data.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('everyday interface fixes', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestUser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    admin = await createUser(server, 'admin', { name: 'Alice Admin' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves /docs under a strict policy (no inline script, no wildcard) with no CSP violation', async () => {
    const watched = await newWatchedPage(browser);
    const res = await watched.page.goto(`${server.url}/docs`);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).not.toMatch(/unsafe-inline|https:|validator\.swagger\.io/);
    // The whole UI has rendered from the spec: operations are listed and one expands.
    const operation = watched.page.locator('.opblock', { hasText: '/api/v1/talking-points/check' }).first();
    await operation.waitFor({ timeout: 30_000 });
    await operation.locator('.opblock-summary').click();
    await operation.locator('.opblock-body').waitFor();
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  }, 90_000);

  it('says alert titles, detector explanations and statuses in French in the French interface', async () => {
    const watchlistId = await createWatchlist(server, admin, 'ACME marque', 'acme');
    const start = new Date(Date.now() - 15 * 60_000).toISOString();
    await raiseAlert(server, watchlistId, {
      kind: 'risk_burst', episodeKey: `risk_burst@${start}`,
      explanation: {
        summary: 'Risk-term burst: risk mass 7.3 across 9 mentions in 15 min vs ~1.04 usual', observed: 7.26, expected: 1.04, factor: 7,
        window: { start, end: new Date().toISOString() }, top_terms: ['boycott'], sample_mention_ids: [], details: { mentions: 9 },
      },
    });
    const crisis = await createUser(server, 'crisis', { name: 'Chloé Crise', lang: 'fr' });
    const watched = await newWatchedPage(browser, { locale: 'fr-FR' });
    const { page } = watched;
    await signIn(page, server.url, crisis.email, crisis.password);
    const french = 'ACME marque — Termes à risque : masse de risque 7,3 sur 9 mentions en 15 min (~1 d’habitude)';
    const row = page.locator('.alert-item', { hasText: 'ACME marque' });
    await row.getByRole('button', { name: french }).waitFor();
    await row.getByText('Ouverte').first().waitFor();
    expect(await row.textContent()).not.toMatch(/Risk-term burst|across|usual/);
    await row.getByRole('button', { name: french }).click();
    const detail = page.getByRole('dialog', { name: french });
    expect(await detail.locator('.detail-summary').textContent()).toBe('Termes à risque : masse de risque 7,3 sur 9 mentions en 15 min (~1 d’habitude)');
    await screenshot(page, 'alert-french');
    // The API keeps its English fields, and adds the key and parameters the interface worded.
    const api = (await server.app.inject({ method: 'GET', url: '/api/v1/alerts?status=open', headers: crisis.auth })).json();
    expect(api.items[0]).toMatchObject({ title: 'ACME marque — Risk-term burst: risk mass 7.3 across 9 mentions in 15 min vs ~1.04 usual', wording: { key: 'alert_summary.risk_burst', params: { mass: 7.3, mentions: 9, minutes: 15 } } });
    expect(watched.problems).toEqual([]);
    await watched.context.close();
  }, 120_000);
});
