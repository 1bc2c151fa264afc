// The crisis dashboard in a real browser: an alert raised on the server appears live (no reload), critical
// ones stand out, acknowledging works, the detail explains why with the sample mentions shown as inert
// text, and an incident can be declared from the selection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { alertStatus, createWatchlist, pushMentions, raiseAlert, XSS_IMG, XSS_SCRIPT } from '../support/e2e-data.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { candidate } from '../support/alerts.js';

describe.skipIf(!hasChromium)('crisis dashboard', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestUser;
  let crisis: TestUser;
  let watchlistId: string;
  let mentionIds: Map<string, number>;
  let xssAlertId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    admin = await createUser(server, 'admin', { name: 'Alice Admin' });
    crisis = await createUser(server, 'crisis', { name: 'Chloé Crise' });
    watchlistId = await createWatchlist(server, admin, 'ACME brand', 'acme');
    const texts = [];
    for (let i = 0; i < 48; i++) texts.push({ text: i % 3 === 0 ? 'ACME support is terrible, never again' : 'Nice day at the ACME store', minutesAgo: 20 + i * 25 });
    for (let i = 0; i < 12; i++) texts.push({ text: 'ACME chargers are burning, boycott ACME now! Scandale', minutesAgo: 2 + i });
    texts.push({ text: `ACME leak ${XSS_IMG} and ${XSS_SCRIPT}`, minutesAgo: 1, author: '<b>@mallory</b>' });
    mentionIds = await pushMentions(server, admin, texts);
  }, 180_000); // builds the web app and a database: slow on a busy machine
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a new alert live, makes a critical one stand out, and acknowledges it', async () => {
    await raiseAlert(server, watchlistId, candidate({ kind: 'volume_spike', explanation: { ...candidate().explanation, summary: 'Mentions of ACME tripled in an hour' } }), 'medium');
    const { page, problems, context } = await newWatchedPage(browser);
    // Count the chime's play() calls (headless Chromium may have no audio device to actually play on).
    await page.addInitScript(`window.__plays = 0; HTMLMediaElement.prototype.play = function () { window.__plays++; return Promise.resolve(); };`);
    await signIn(page, server.url, crisis.email, crisis.password);
    await page.getByRole('heading', { name: 'Crisis dashboard' }).waitFor();
    await page.locator('.alert-item').first().waitFor();
    await page.locator('.live-status.is-open').waitFor();
    // The pushed burst may already have raised alerts of its own (the real detector runs after ingest).
    // Related alerts of one watchlist show as one group, so count alerts with the Active tab, not rows.
    const activeCount = async () => Number(await page.locator('.tab.is-active .tab-count').textContent());
    const before = await activeCount();
    expect(before).toBeGreaterThanOrEqual(1);

    const xssId = String(mentionIds.get(`m-${mentionIds.size - 1}`));
    // The alert's evidence is its own: the newest mentions of its window (the injected one first) and the terms that rose in it.
    const raised = await raiseAlert(server, watchlistId, {
      kind: 'volume_spike',
      explanation: { ...candidate().explanation, summary: 'Boycott calls spreading fast', top_terms: ['boycott', 'scandale', 'chargers'], sample_mention_ids: [xssId], window: { start: new Date(Date.now() - 30 * 60_000).toISOString(), end: new Date().toISOString() } },
    }, 'critical');
    xssAlertId = raised.id;
    const item = page.locator(`[data-alert-id="${raised.id}"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.getAttribute('class')).toMatch(/sev-critical.*is-new|is-new.*sev-critical/);
    await page.locator('.toast-critical').waitFor();
    expect(await activeCount()).toBe(before + 1);
    expect(await page.locator('.alert-item').first().getAttribute('data-alert-id')).toBe(raised.id);
    expect(await page.evaluate('window.__plays')).toBe(1); // after a user gesture (signing in), a critical alert chimes
    expect(await page.locator('#live-region').textContent()).toMatch(/New Critical alert/);
    await screenshot(page, 'dashboard-crisis');

    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await item.locator('.badge.status-acknowledged').waitFor();
    expect(await alertStatus(server, raised.id)).toBe('acknowledged');

    // Muted: the next critical alert still stands out, silently.
    await page.getByRole('button', { name: 'Sound on' }).click();
    expect(await page.getByRole('button', { name: 'Sound off' }).getAttribute('aria-pressed')).toBe('false');
    const quiet = await raiseAlert(server, watchlistId, { kind: 'emerging_term' }, 'critical');
    await page.locator(`[data-alert-id="${quiet.id}"].sev-critical`).waitFor({ timeout: 10_000 });
    expect(await page.evaluate('window.__plays')).toBe(1);
    await page.getByRole('button', { name: 'Sound off' }).click();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the detail with the why, and shows injected markup in a sample mention as inert text', async () => {
    const { page, problems, context } = await newWatchedPage(browser);
    await signIn(page, server.url, crisis.email, crisis.password);
    const critical = page.locator(`[data-alert-id="${xssAlertId}"]`);
    // A later critical alert of the same story leads the group: open the group to reach this one.
    await page.locator('.group-toggle').first().click();
    await critical.locator('.alert-title button').click();
    const drawer = page.locator('dialog.drawer');
    await drawer.getByText('Why this alert').waitFor();
    await drawer.locator('.mention-text').first().waitFor();
    expect(await drawer.locator('.stat-value').allTextContents()).toEqual(['40', '6', '×6.7']);
    expect((await drawer.locator('.chip').allTextContents()).join(' ')).toMatch(/boycott · 1\d \(new\)/);
    const sample = await drawer.locator('.mention-text').first().textContent();
    expect(sample).toContain(XSS_IMG);
    expect(sample).toContain(XSS_SCRIPT);
    expect(await drawer.getByText('<b>@mallory</b>').count()).toBe(1);
    expect(await drawer.locator('img, script:not([src]), b').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(page.url()).toMatch(/#\/dashboard\/alert\/[0-9a-f-]+$/);
    await screenshot(page, 'dashboard-alert-detail');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens an alert from an email link and declares an incident from selected alerts', async () => {
    const fresh = await raiseAlert(server, watchlistId, { kind: 'risk_burst' }, 'high');
    const { page, problems, context } = await newWatchedPage(browser);
    await signIn(page, server.url, crisis.email, crisis.password);
    await page.goto(`${server.url}/#/alerts/${fresh.id}?action=ack`);
    const drawer = page.locator('dialog.drawer');
    await drawer.getByText('Why this alert').waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Acknowledge');
    await page.keyboard.press('Escape');

    const boxes = page.locator('.alert-item .alert-check');
    await boxes.first().waitFor();
    // Whether these alerts of one watchlist share a group depends on their windows: open any collapsed group.
    const collapsed = page.locator('.group-toggle[aria-expanded="false"]');
    while (await collapsed.count() > 0) await collapsed.first().click();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Declare incident (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Declare an incident' });
    await dialog.getByLabel('Title').fill('Charger fires: ACME recall rumours');
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await page.locator('.incident-title', { hasText: 'Charger fires: ACME recall rumours' }).waitFor();
    expect(await page.locator('.badge-incident').count()).toBe(2);
    const incidents = await server.db.database.db.selectFrom('incidents').select('title').execute();
    expect(incidents.map((i) => i.title)).toEqual(['Charger fires: ACME recall rumours']);
    await page.locator('.chart-host canvas').first().waitFor();
    await screenshot(page, 'dashboard-incident');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives comms a read-only view', async () => {
    const comms = await createUser(server, 'comms', { name: 'Camille Comms' });
    const { page, problems, context } = await newWatchedPage(browser);
    await signIn(page, server.url, comms.email, comms.password);
    await page.goto(`${server.url}/#/dashboard`);
    await page.locator('.alert-item').first().waitFor();
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await page.locator('.alert-check').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
