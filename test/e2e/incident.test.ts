// An incident from declaration to after-action report, in Chromium: a teammate's declaration appears on the
// incidents page live; two viewers (crisis and comms) follow the incident page without reloading while its
// status changes, an alert is acknowledged and a talking point drafted from the incident (pre-filled with
// its facts) is published; the crisis lead resolves it from the page, reads the report, downloads the PDF
// in English and in French and opens it; the analytics page shows the month's MTTA and MTTR.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { createWatchlist, pushMentions, raiseAlert } from '../support/e2e-data.js';
import { pdfText } from '../support/pdf.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('incident from declaration to after-action report', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestUser, crisis: TestUser, crisis2: TestUser, comms: TestUser, comms2: TestUser, ambassador: TestUser;
  let watchlistId: string;

  const api = async (who: TestUser, method: 'POST' | 'PATCH', url: string, payload: object = {}) => {
    const res = await server.app.inject({ method, url, headers: who.auth, payload });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const download = async (page: Page, selector: string): Promise<Buffer> => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
    return readFile((await file.path())!);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    [admin, crisis, crisis2, comms, comms2, ambassador] = await Promise.all([
      createUser(server, 'admin'), createUser(server, 'crisis', { name: 'Chloé Crise' }), createUser(server, 'crisis', { name: 'Cyril Crise' }),
      createUser(server, 'comms', { name: 'Côme Comms' }), createUser(server, 'comms', { name: 'Cora Comms' }), createUser(server, 'ambassador', { name: 'Ana Ambassadrice' }),
    ]);
    watchlistId = await createWatchlist(server, admin, 'ACME brand', 'acme');
    await pushMentions(server, admin, [{ text: 'ACME is a terrible scam, awful and disgusting, boycott ACME', minutesAgo: 20 }]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('runs live for every viewer and ends with a PDF report that says what happened', async () => {
    const lead = await newWatchedPage(browser);
    const writer = await newWatchedPage(browser);
    await signIn(lead.page, server.url, crisis.email, crisis.password);
    await signIn(writer.page, server.url, comms.email, comms.password);
    await lead.page.goto(`${server.url}/#/incidents`);
    await lead.page.locator('.live-status.is-open').waitFor();

    // A teammate declares the incident: it appears on the lead's list without a reload.
    const alert = await raiseAlert(server, watchlistId, { kind: 'negative_surge' }, 'high');
    const incident = await api(crisis2, 'POST', '/api/v1/incidents', { title: 'ACME boycott', summary: 'A boycott call is spreading.', alert_ids: [alert.id] });
    await lead.page.locator('.incident-title', { hasText: 'ACME boycott' }).click();
    await lead.page.locator('h1', { hasText: 'ACME boycott' }).waitFor();
    await writer.page.goto(`${server.url}/#/incidents/${incident.id}`);
    await writer.page.locator('.live-status.is-open').waitFor();
    await writer.page.locator('.timeline-declared').waitFor();

    // Status and comms lead set by the lead reach the writer's page; an acknowledgement joins both timelines.
    await lead.page.locator('select[data-field="phase"]').selectOption('identified');
    await writer.page.locator('.timeline-phase', { hasText: 'Investigating → Identified' }).waitFor({ timeout: 10_000 });
    await lead.page.locator('select[data-field="comms_lead"]').selectOption({ label: 'Côme Comms' });
    await writer.page.locator('.timeline-comms_lead', { hasText: 'Côme Comms' }).waitFor({ timeout: 10_000 });
    await api(crisis2, 'POST', `/api/v1/alerts/${alert.id}/ack`);
    for (const p of [lead.page, writer.page]) await p.locator('.timeline-alert_acknowledged', { hasText: 'Cyril Crise' }).waitFor({ timeout: 10_000 });

    // The writer drafts from the incident: the editor starts with its facts and the incident chosen.
    await writer.page.locator('[data-action="draft-point"]').click();
    const editor = writer.page.locator('dialog[open]');
    await expect.poll(() => editor.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toContain('ACME boycott');
    expect(await editor.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toContain('A boycott call is spreading.');
    await expect.poll(() => editor.getByRole('combobox', { name: 'Incident', exact: true }).inputValue()).toBe(incident.id);
    await editor.locator('button[type="submit"]').click();
    const point = writer.page.locator('.incident-point').first();
    await point.waitFor({ timeout: 10_000 });
    const pointId = (await point.getAttribute('data-point'))!;
    await api(comms, 'POST', `/api/v1/talking-points/${pointId}/submit`);
    await api(comms2, 'POST', `/api/v1/talking-points/${pointId}/approve`);
    await api(comms, 'POST', `/api/v1/talking-points/${pointId}/publish`);
    await lead.page.locator('.timeline-talking_point_published', { hasText: 'to all ambassadors (1)' }).waitFor({ timeout: 10_000 });
    await api(ambassador, 'POST', `/api/v1/talking-points/${pointId}/ack`);
    await screenshot(lead.page, 'incident-page-open');

    // The lead resolves from the page; both pages switch to the report without a reload.
    await lead.page.locator('[data-action="resolve"]').click();
    await lead.page.locator('dialog[open] .btn-primary').click();
    for (const p of [lead.page, writer.page]) {
      await p.locator('.report [data-figure="ack_seconds"] .stat-value').waitFor({ timeout: 10_000 });
      await p.locator('.timeline-talking_point_published', { hasText: '1 of 1 read (100 %)' }).waitFor({ timeout: 10_000 });
    }
    expect(await lead.page.locator('.report-reads .total-row').textContent()).toMatch(/Total\s*1\s*1\s*100 %/);
    expect(await lead.page.locator('.report-chart .chart-mark-alert').count()).toBe(1);
    expect(await lead.page.locator('.report-chart .chart-mark-publication').count()).toBe(1);
    await screenshot(lead.page, 'incident-report');

    const pdf = await download(lead.page, '.report a[data-format="pdf"]');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const s of ['After-action report', 'ACME boycott', 'Time to acknowledge', 'Commander Cyril Crise', 'Comms lead Côme Comms', 'Total 1 1 100 %']) expect(text).toContain(s);
    await lead.page.locator('.report select').selectOption('fr');
    const fr = await pdfText(await download(lead.page, '.report a[data-format="pdf"]'));
    for (const s of ['Rapport post-incident', 'Délai de prise en charge', 'Total 1 1 100 %']) expect(fr).toContain(s);
    const md = (await download(lead.page, '.report a[data-format="md"]')).toString('utf8');
    expect(md).toContain('# Rapport post-incident — ACME boycott');

    await lead.page.goto(`${server.url}/#/analytics`);
    const month = new Date().toISOString().slice(0, 7);
    await lead.page.locator(`.analytics-table tr[data-month="${month}"]`).waitFor();
    expect(await lead.page.locator(`.analytics-table tr[data-month="${month}"] td`).nth(1).textContent()).toBe('1');
    await screenshot(lead.page, 'incident-analytics');

    expect(lead.problems).toEqual([]);
    expect(writer.problems).toEqual([]);
    await Promise.all([lead.context.close(), writer.context.close()]);
  }, 240_000); // two browsers and a dozen live round trips on a shared machine
});
