// Triage in the browser, on a desktop and on a 390 px phone: filters chosen on screen and kept in the URL
// across a reload, related alerts shown as one group with its count that expands, the keyboard (j/k move,
// a acknowledges, s snoozes, r resolves, ? shows the help, nothing fires while typing), an incident declared
// from a group linking all its alerts, and on the desktop an assignment and an acknowledgement note seen
// live by a teammate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { alertStatus, createWatchlist, raiseAlert } from '../support/e2e-data.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('keyboard triage and filters', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestUser;
  let crisis: TestUser;
  let karim: TestUser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    admin = await createUser(server, 'admin', { name: 'Alice Admin' });
    crisis = await createUser(server, 'crisis', { name: 'Chloé Crise' });
    karim = await createUser(server, 'crisis', { name: 'Karim Crise' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const rowIds = (page: Page) => page.locator('.alert-list .alert-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-alert-id')));
  const current = (page: Page) => page.locator('.alert-item.is-current').getAttribute('data-alert-id');

  for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
    it(`triages from the keyboard with filters kept in the URL (${viewport.width} px)`, async () => {
      const story = `Story ${viewport.width}`;
      const wlA = await createWatchlist(server, admin, story, `acme${viewport.width}`);
      const wlB = await createWatchlist(server, admin, `Other ${viewport.width}`, `other${viewport.width}`);
      const medium = await raiseAlert(server, wlA, { kind: 'volume_spike' }, 'medium');
      const critical = await raiseAlert(server, wlA, { kind: 'negative_surge' }, 'critical');
      const low = await raiseAlert(server, wlA, { kind: 'emerging_term' }, 'low');
      const elsewhere = await raiseAlert(server, wlB, { kind: 'risk_burst' }, 'high');

      const { page, problems, context } = await newWatchedPage(browser, { viewport, isMobile: viewport.width < 500 });
      await signIn(page, server.url, crisis.email, crisis.password);
      await page.locator('.live-status.is-open').waitFor();
      const bar = page.locator('.filter-bar');

      // Filter on the story's watchlist: one group of three, the critical one shown, the URL says so.
      await bar.getByLabel('Watchlist').selectOption({ label: story });
      await page.waitForFunction(`location.hash.includes('watchlist=${wlA}')`);
      const group = page.locator(`.alert-group[data-group-id="${medium.id}"]`);
      await group.locator('.group-count', { hasText: '3 related alerts' }).waitFor();
      await page.waitForFunction(`document.querySelectorAll('.alert-list .alert-item').length === 1`);
      expect(await rowIds(page)).toEqual([critical.id]);
      await group.getByRole('button', { name: 'Show 2 more' }).click();
      await page.waitForFunction(`document.querySelectorAll('.alert-list .alert-item').length === 3`);
      expect(await rowIds(page)).toEqual([critical.id, medium.id, low.id]); // severity first, then recency

      // The filter survives a reload.
      await page.reload();
      await page.locator('.live-status.is-open').waitFor();
      await group.locator('.group-count').waitFor();
      expect(await bar.getByLabel('Watchlist').inputValue()).toBe(wlA);
      expect(await page.locator(`[data-alert-id="${elsewhere.id}"]`).count()).toBe(0);
      await group.getByRole('button', { name: 'Show 2 more' }).click();

      // j/k move; a acknowledges, s snoozes, r resolves the current alert.
      await page.keyboard.press('j');
      expect(await current(page)).toBe(critical.id);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      expect(await current(page)).toBe(low.id);
      await page.keyboard.press('k');
      await page.keyboard.press('k');
      expect(await current(page)).toBe(critical.id);
      await page.keyboard.press('a');
      await page.locator(`[data-alert-id="${critical.id}"] .badge.status-acknowledged`).waitFor();
      expect(await alertStatus(server, critical.id)).toBe('acknowledged');

      await page.keyboard.press('j');
      await page.keyboard.press('s');
      const snooze = page.getByRole('dialog', { name: 'Snooze alert' });
      await snooze.getByRole('button', { name: 'Snooze' }).click();
      await page.locator(`[data-alert-id="${medium.id}"] .badge.status-snoozed`).waitFor();
      expect(await alertStatus(server, medium.id)).toBe('snoozed');

      await page.keyboard.press('j');
      expect(await current(page)).toBe(low.id);
      await page.keyboard.press('r');
      const resolve = page.getByRole('dialog', { name: 'Resolve alert' });
      // Typing in the dialog's field is text, not commands: "a", "s", "r", "j" do nothing else.
      await resolve.getByLabel('What happened? (optional)').pressSequentially('just a rerun, j k s r a');
      expect(await alertStatus(server, low.id)).toBe('open');
      await resolve.getByRole('button', { name: 'Resolve' }).click();
      await page.locator(`[data-alert-id="${low.id}"]`).waitFor({ state: 'detached' });
      expect(await alertStatus(server, low.id)).toBe('resolved');

      // ? shows the shortcuts; Escape closes them.
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.getByText('Acknowledge the current alert').waitFor();
      expect(await help.locator('kbd').allTextContents()).toEqual(['j', 'k', 'a', 'r', 's', 'Enter', '?']);
      await screenshot(page, `triage-help-${viewport.width}`);
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });

      // A severity filter narrows further, in the URL too; clearing brings every watchlist back.
      await bar.getByLabel('Severity').selectOption('critical');
      await page.waitForFunction(`location.hash.includes('severity=critical')`);
      await page.waitForFunction(`document.querySelectorAll('.alert-list .alert-item').length === 1`);
      expect(await rowIds(page)).toEqual([critical.id]);
      await bar.getByRole('button', { name: 'Clear filters' }).click();
      await page.locator(`[data-alert-id="${elsewhere.id}"]`).waitFor();
      expect(await page.evaluate('location.hash')).toBe('#/dashboard');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      await screenshot(page, `triage-list-${viewport.width}`);

      // An incident declared from the group links all its alerts, the resolved one included.
      await group.getByRole('button', { name: 'Declare incident from group' }).click();
      const declare = page.getByRole('dialog', { name: 'Declare an incident' });
      await declare.getByText('3 alerts included').waitFor();
      await declare.getByLabel('Title').fill(`${story}: one incident`);
      await declare.getByRole('button', { name: 'Declare incident' }).click();
      await page.locator('.incident-title', { hasText: `${story}: one incident` }).waitFor();
      const linked = await server.db.database.db.selectFrom('alerts').select(['id', 'incident_id']).where('watchlist_id', '=', wlA).execute();
      expect(linked).toHaveLength(3);
      expect(new Set(linked.map((a) => a.incident_id)).size).toBe(1);
      expect(linked[0]!.incident_id).not.toBeNull();
      expect(problems).toEqual([]);
      await context.close();
    }, 90_000);
  }

  it('shows an assignment and an acknowledgement note live to a teammate', async () => {
    const wl = await createWatchlist(server, admin, 'Assignments', 'assign');
    const alert = await raiseAlert(server, wl, { kind: 'negative_surge' }, 'high');
    const mine = await newWatchedPage(browser);
    const theirs = await newWatchedPage(browser);
    await Promise.all([signIn(mine.page, server.url, crisis.email, crisis.password), signIn(theirs.page, server.url, karim.email, karim.password)]);
    await Promise.all([mine.page.locator('.live-status.is-open').waitFor(), theirs.page.locator('.live-status.is-open').waitFor()]);

    await mine.page.locator(`[data-alert-id="${alert.id}"] .alert-title button`).click();
    const drawer = mine.page.locator('dialog.drawer');
    const picker = drawer.getByLabel('Assignee');
    await picker.locator('option', { hasText: 'Karim Crise' }).waitFor({ state: 'attached' });
    await picker.selectOption({ label: 'Karim Crise' });
    await theirs.page.locator(`[data-alert-id="${alert.id}"] .assignee`, { hasText: 'Assigned to Karim Crise' }).waitFor({ timeout: 10_000 });

    await drawer.getByLabel('Acknowledgement note (optional)').fill('Calling the plant manager');
    await drawer.getByRole('button', { name: 'Acknowledge' }).click();
    await drawer.locator('.ack-note', { hasText: 'Calling the plant manager' }).waitFor();
    await drawer.locator('.timeline-note', { hasText: 'Calling the plant manager' }).waitFor();
    await drawer.locator('.timeline-note', { hasText: 'Assigned to Karim Crise' }).waitFor();
    await screenshot(mine.page, 'triage-detail');

    // The teammate's list updates without a reload; the "assigned to me" filter finds it.
    await theirs.page.locator(`[data-alert-id="${alert.id}"] .badge.status-acknowledged`).waitFor({ timeout: 10_000 });
    await theirs.page.locator('.filter-bar').getByLabel('Assignee').selectOption({ label: 'Me' });
    await theirs.page.waitForFunction(`location.hash.includes('assignee=me')`);
    await theirs.page.waitForFunction(`document.querySelectorAll('.alert-list .alert-item').length === 1`);
    expect(await theirs.page.locator('.alert-list .alert-item').getAttribute('data-alert-id')).toBe(alert.id);
    expect([...mine.problems, ...theirs.problems]).toEqual([]);
    await Promise.all([mine.context.close(), theirs.context.close()]);
  }, 90_000);
});
