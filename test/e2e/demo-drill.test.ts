// The first-run story as a user lives it, at real speed: `npm start` on an empty embedded database (what
// `node dist/main.js` runs after `npm install`), the demo credentials read from what the first start prints,
// then the crisis lead in a desktop browser and the ambassador on a phone while the bundled drill replays its
// three minutes. Nobody reloads a page: the alert arrives live, is acknowledged, becomes an incident, a
// talking point is drafted from it, approved and published by comms, and reaches the ambassador's phone.
// The server runs on PGlite whatever the test database is, so this file runs once, in the PGlite pass.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn, type WatchedPage } from '../support/browser.js';
import { isPostgres } from '../support/database.js';
import { waitUntil } from '../support/live.js';
import { freePort } from '../support/process.js';

interface Credentials { email: string; password: string }

/** The demo users and the generated administrator, read from the first start's output. */
function demoCredentials(output: string): Record<'admin' | 'crisis' | 'comms' | 'ambassador', Credentials> {
  const found: Partial<Record<string, Credentials>> = {};
  for (const m of output.matchAll(/\b(crisis|comms|ambassador)\s+(\S+@demo\.pilotfish\.local)\s+(\S+)/g)) found[m[1]!] = { email: m[2]!, password: m[3]! };
  const admin = /email:\s+(\S+@\S+)[\s│]+password:\s+(\S+)/.exec(output);
  if (admin) found.admin = { email: admin[1]!, password: admin[2]! };
  for (const role of ['admin', 'crisis', 'comms', 'ambassador']) if (!found[role]) throw new Error(`no ${role} credentials in the first start's output:\n${output.slice(-3000)}`);
  return found as Record<'admin' | 'crisis' | 'comms' | 'ambassador', Credentials>;
}

describe.skipIf(!hasChromium || isPostgres())('the first-run demo drill, at real speed', () => {
  let dataDir: string;
  let proc: ChildProcess;
  let output = '';
  let base: string;
  let browser: Browser;
  const pages: WatchedPage[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'pilotfish-demo-'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    for (const key of ['DATABASE_URL', 'DEMO', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'COLLECTORS_ENABLED']) delete env[key];
    proc = spawn(process.execPath, ['dist/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-400_000); };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    base = `http://127.0.0.1:${port}`;
    browser = await launchBrowser();
    await waitUntil(async () => {
      if (proc.exitCode !== null) throw new Error(`npm start exited (${proc.exitCode}): ${output}`);
      return fetch(`${base}/health`).then((r) => r.ok).catch(() => false);
    }, 120_000, 250);
    // The framed block with the address and the credentials is printed once the server listens.
    await waitUntil(async () => /Demo users[\s\S]*ambassador@demo/.test(output), 60_000, 100);
  }, 240_000);
  afterAll(async () => {
    for (const p of pages) await p.context.close().catch(() => undefined);
    await browser?.close();
    if (proc && proc.exitCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints where to go and who to sign in as', () => {
    expect(output).toContain(base);
    demoCredentials(output);
  });

  it('runs from the first alert to a talking point on the ambassador phone without a reload', { timeout: 420_000 }, async () => {
    const users = demoCredentials(output);
    const lead = await newWatchedPage(browser, { locale: 'fr-FR' });
    pages.push(lead);
    const phone = await newWatchedPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, locale: 'fr-FR' });
    pages.push(phone);
    await firstSignIn(lead.page, base, users.crisis);
    await firstSignIn(phone.page, base, users.ambassador);
    await lead.page.locator('.live-status.is-open').waitFor();

    // The drill replays its chatter, then the burst and the ambassador reports: the alert arrives live.
    const row = lead.page.locator('[data-alert-id]').first();
    await row.waitFor({ timeout: 300_000 });
    await screenshot(lead.page, 'demo-first-alert');
    const alertId = await row.getAttribute('data-alert-id');
    expect(alertId).toBeTruthy();
    await acknowledge(lead.page, alertId!);

    // The lead declares an incident from the alert, then drafts a talking point from the incident's page.
    await lead.page.locator(`[data-alert-id="${alertId}"] .alert-check`).check();
    await lead.page.getByRole('button', { name: 'Déclarer un incident (1)' }).click();
    const declare = lead.page.getByRole('dialog', { name: 'Déclarer un incident' });
    await declare.getByRole('button', { name: 'Déclarer un incident' }).click();
    await declare.waitFor({ state: 'detached' });
    await lead.page.goto(`${base}/#/incidents`);
    await lead.page.locator('.incident-title').first().click();
    const incidentPage = lead.page.url();
    await lead.page.locator('[data-action="draft-point"]').click();
    const editor = lead.page.locator('dialog[open]');
    const point = await editor.getByRole('textbox', { name: 'Titre', exact: true }).inputValue();
    expect(point).toContain('Laiterie Morel');
    await editor.locator('button[type="submit"]').click();
    await editor.waitFor({ state: 'detached' });

    // Comms approves and publishes it; the phone shows it without a reload.
    await reviewAndPublish(lead.page, base, users.comms, point);
    await phone.page.locator('.feed-item', { hasText: point }).waitFor({ timeout: 30_000 });
    await screenshot(phone.page, 'demo-ambassador-point');

    // The lead resolves the incident: the after-action report is on the page, with the acknowledgement time.
    await lead.page.goto(incidentPage);
    await lead.page.locator('.timeline-talking_point_published').waitFor({ timeout: 30_000 });
    await lead.page.locator('[data-action="resolve"]').click();
    await lead.page.locator('dialog[open] .btn-primary').click();
    await lead.page.locator('.report [data-figure="ack_seconds"] .stat-value').waitFor({ timeout: 30_000 });
    await screenshot(lead.page, 'demo-after-action');
    for (const p of pages) expect(p.problems).toEqual([]);
  });
});

/** Signs in with a generated password, then chooses one's own as the app asks at once. */
async function firstSignIn(page: Page, base: string, who: Credentials): Promise<void> {
  await signIn(page, base, who.email, who.password);
  const dialog = page.getByRole('dialog', { name: 'Changer mon mot de passe' });
  await dialog.getByText('Votre mot de passe a été généré pour vous').waitFor();
  await dialog.getByLabel('Mot de passe actuel').fill(who.password);
  await dialog.getByLabel('Nouveau mot de passe').fill('exercice de crise en Normandie');
  await dialog.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await dialog.waitFor({ state: 'detached' });
}

async function acknowledge(page: Page, alertId: string): Promise<void> {
  const row = page.locator(`[data-alert-id="${alertId}"]`);
  await row.getByRole('button', { name: 'Prendre en charge' }).click();
  const dialog = page.getByRole('dialog');
  if (await dialog.count()) {
    await dialog.getByLabel(/Note/).fill('J’appelle le directeur du site');
    await dialog.getByRole('button', { name: 'Prendre en charge' }).click();
  }
  await waitUntil(async () => (await row.getAttribute('data-status')) === 'acknowledged' || (await row.textContent())?.includes('Prise en charge') === true, 15_000, 200);
}

async function reviewAndPublish(lead: Page, base: string, comms: Credentials, title: string): Promise<void> {
  await lead.goto(`${base}/#/comms`);
  const card = lead.locator('.point-card', { hasText: title });
  await card.getByRole('button', { name: 'Envoyer en relecture' }).click();
  await card.getByText('Envoyé en relecture').or(lead.getByText('Envoyé en relecture')).first().waitFor();
  const reviewer = await lead.context().browser()!.newContext({ locale: 'fr-FR' });
  const r = await reviewer.newPage();
  await firstSignIn(r, base, comms);
  await r.goto(`${base}/#/comms`);
  await r.getByRole('button', { name: /^En relecture/ }).click();
  await r.locator('.point-card', { hasText: title }).getByRole('button', { name: 'Valider', exact: true }).click();
  await r.getByRole('button', { name: /^Validés/ }).click();
  await r.locator('.point-card', { hasText: title }).getByRole('button', { name: 'Publier' }).click();
  await r.getByText('Publié auprès des ambassadeurs').waitFor();
  await reviewer.close();
}
