// The alert detail in a real browser shows the alert's own evidence: for an ambassador alert raised by
// the real detector, the critical report that raised it first, the rule's threshold labelled as a
// threshold, and the SVG chart of its window with the baseline band (CSP-clean); the dashboard chart
// follows the alert's watchlist. Desktop and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { createWatchlist, pushMentions } from '../support/e2e-data.js';
import { waitUntil } from '../support/live.js';
import { startTestServer, type TestServer } from '../support/server.js';

const REPORT = 'Zeta: a viral video accuses the board of fraud';

describe.skipIf(!hasChromium)('alert evidence', () => {
  let server: TestServer;
  let browser: Browser;
  let crisis: TestUser;
  let zeta: string;
  let alertId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const admin = await createUser(server, 'admin');
    crisis = await createUser(server, 'crisis', { name: 'Chloé Crise' });
    // "Alpha" sorts first: the chart used to show it whatever alert was open.
    await createWatchlist(server, admin, 'Alpha', 'alpha');
    zeta = await createWatchlist(server, admin, 'Zeta', 'zeta');
    await pushMentions(server, admin, Array.from({ length: 12 }, (_, i) => ({ text: `Zeta opens a new store, visit ${i}`, minutesAgo: 5 + i * 20 })));
    await server.services.detection.start();
    const reporter = await createUser(server, 'ambassador', { name: 'Amina Ambassadrice' });
    const colleague = await createUser(server, 'ambassador');
    for (const [user, payload] of [[colleague, { text: 'A customer complains about Zeta on a forum', severity: 'low' }], [reporter, { text: REPORT, severity: 'critical', channel: 'tiktok' }]] as const) {
      const res = await server.app.inject({ method: 'POST', url: '/api/v1/signals', headers: user.auth, payload: { ...payload, watchlist_id: zeta } });
      expect(res.statusCode).toBe(201);
    }
    alertId = await waitUntil(async () => {
      await server.services.detection.sync();
      const row = await server.db.database.db.selectFrom('alerts').select('id').where('watchlist_id', '=', zeta).where('kind', '=', 'ambassador_signal').executeTakeFirst();
      return row?.id;
    }, 20_000);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    it(`shows the alert's own reports, threshold and window chart (${name})`, async () => {
      const { page, problems, context } = await newWatchedPage(browser, { viewport, isMobile: name === 'phone' });
      await signIn(page, server.url, crisis.email, crisis.password);
      const item = page.locator(`[data-alert-id="${alertId}"]`);
      await item.locator('.alert-title button').click();
      const drawer = page.locator('dialog.drawer');
      const mentions = drawer.locator('[data-testid="evidence-mentions"] .mention');
      await mentions.first().waitFor();
      // The critical report that raised it comes first, as a report, then the other report.
      expect(await mentions.first().locator('.mention-text').textContent()).toBe(REPORT);
      expect(await mentions.first().textContent()).toContain('Critical report');
      expect(await mentions.nth(1).textContent()).toContain('Low report');
      expect(await drawer.getByRole('heading', { name: 'Reports and mentions behind this alert' }).count()).toBe(1);
      // A threshold, labelled as one: no "expected" figure for a rule.
      expect(await drawer.locator('[data-stat="threshold"] .stat-value').textContent()).toBe('1');
      expect(await drawer.locator('[data-stat="expected"]').count()).toBe(0);
      expect(await drawer.locator('[data-reference="threshold"]').textContent()).toMatch(/threshold, not an expectation/);
      // Its window, drawn in SVG: a series, the band and the alert window.
      const chart = drawer.locator('svg[data-testid="evidence-chart"]');
      await chart.scrollIntoViewIfNeeded();
      expect(await chart.isVisible()).toBe(true);
      expect((await chart.locator('path.wc-volume').getAttribute('d'))?.length).toBeGreaterThan(10);
      expect(await chart.locator('rect.wc-band').count()).toBe(1);
      expect(await chart.locator('rect.wc-window').count()).toBe(1);
      expect(await chart.getAttribute('aria-label')).toMatch(/mentions from/);
      const box = await chart.boundingBox();
      expect(box!.width).toBeLessThanOrEqual(viewport.width);
      // Nothing in the drawer sticks out sideways (names the offenders when something does).
      const wider = await page.evaluate(`(() => { const d = document.querySelector('dialog.drawer'); const r = d.getBoundingClientRect();
        return [...d.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > r.right + 1).map((e) => e.tagName + '.' + (e.getAttribute('class') || '') + ' ' + Math.round(e.getBoundingClientRect().right)); })()`);
      expect(wider).toEqual([]);
      await screenshot(page, `alert-evidence-${name}`);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      // The dashboard chart follows the alert's watchlist and zooms on it.
      expect(await page.locator('.chart').getByLabel('Watchlist').inputValue()).toBe(zeta);
      await page.locator('.chart-focus', { hasText: 'Zoomed on the alert' }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
