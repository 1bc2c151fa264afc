// Invitations from the web app: an admin uploads a CSV, reads the per-row report (refused rows and why),
// sees the pending invitations, resends and revokes one; an invited ambassador opens the emailed one-time
// link on a phone and is signed in, and drops off the pending list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { seriousA11yViolations } from '../support/axe.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSmtpServer, type TestSmtpServer, type CapturedMail } from '../support/smtp.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };
const CSV = [
  'email,name,language,groups',
  'ana.field@corp.example,Ana Field,en,Lyon;Sales',
  'bruno.terrain@corp.example,Bruno Terrain,fr,Lyon',
  'not-an-email,Broken Row,fr,',
  'ana.field@corp.example,Ana Again,en,',
  'chloe.rh@corp.example,Chloé RH,de,',
  'dan.ops@corp.example,Dan Ops,en,Ops',
].join('\n');

const linkPath = (mail: CapturedMail) => {
  const link = /https?:\/\/\S+#\/link\/[A-Za-z0-9_-]+/.exec((mail.text ?? '').replace(/=\r?\n/g, ''))![0];
  return link.slice(link.indexOf('/#/'));
};

describe.skipIf(!hasChromium)('invitations in the admin screens', () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let admin: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    [server, browser] = await Promise.all([startTestServer({}, { SMTP_URL: smtp.url }), launchBrowser()]);
    admin = await createUser(server, 'admin', { name: 'Alice Admin' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.stop();
  });

  it('imports a CSV with a per-row report; the emailed link signs the ambassador in; resend and revoke work', { timeout: 120_000 }, async () => {
    const desk = await newWatchedPage(browser);
    await signIn(desk.page, server.url, admin.email, admin.password);
    const page = desk.page;
    await page.goto(`${server.url}/#/admin/invitations`);
    await page.getByText('No invitation waiting.').waitFor();

    await page.getByLabel('CSV file').setInputFiles({ name: 'ambassadors.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Import and send invitations' }).click();
    const report = page.getByRole('region', { name: 'Import report' });
    await report.getByText('3 of 6 rows invited').waitFor();
    const refused = report.locator('table').first();
    expect(await refused.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^4\s+not-an-email\s+email: must be a valid email address$/),
      expect.stringMatching(/^5\s+ana\.field@corp\.example\s+duplicate of row 2$/),
      expect.stringMatching(/^6\s+chloe\.rh@corp\.example\s+language: must be fr or en$/),
    ]);
    const pending = page.locator('table', { has: page.getByRole('columnheader', { name: 'Link' }) });
    await pending.locator('tbody tr').nth(2).waitFor();
    expect(await pending.locator('tbody tr').count()).toBe(3);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'admin-invitations-report');

    const mails = await smtp.waitFor(3);
    const toAna = mails.find((m) => m.envelope.to.includes('ana.field@corp.example'))!;
    const phone = await newWatchedPage(browser, PHONE);
    await phone.page.goto(`${server.url}${linkPath(toAna)}`);
    await phone.page.getByRole('heading', { name: 'Hello Ana' }).waitFor();
    expect(phone.problems).toEqual([]);
    await phone.context.close();

    // Ana has signed in: no longer pending. Bruno's invitation is sent again; Dan's is revoked.
    await page.reload();
    await pending.locator('tbody tr').first().waitFor();
    expect(await pending.locator('tbody tr').count()).toBe(2);
    expect(await pending.getByText('ana.field@corp.example').count()).toBe(0);
    await page.getByRole('button', { name: 'Resend the invitation to Bruno Terrain' }).click();
    await page.getByText('New link sent to bruno.terrain@corp.example').waitFor();
    const [, resent] = (await smtp.waitFor(4)).slice(2);
    expect(resent!.envelope.to).toEqual(['bruno.terrain@corp.example']);

    await page.getByRole('button', { name: 'Revoke the invitation of Dan Ops' }).click();
    await page.getByRole('dialog', { name: 'Revoke invitation' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Invitation revoked').waitFor();
    await pending.getByText('dan.ops@corp.example').waitFor({ state: 'detached' });
    expect(await pending.locator('tbody tr').count()).toBe(1);
    const toDan = mails.find((m) => m.envelope.to.includes('dan.ops@corp.example'))!;
    const revoked = await server.app.inject({ method: 'POST', url: '/api/v1/auth/link', payload: { token: linkPath(toDan).split('/').pop() } });
    expect(revoked.statusCode).toBe(401);
    await screenshot(page, 'admin-invitations-pending');
    expect(desk.problems).toEqual([]);
    await desk.context.close();
  });

  it('invites one person from the dialog, and shows why an address is refused', { timeout: 90_000 }, async () => {
    const desk = await newWatchedPage(browser, { locale: 'fr-FR' });
    desk.allowFailedResource(/\/api\/v1\/invitations$/);
    await signIn(desk.page, server.url, admin.email, admin.password);
    const page = desk.page;
    await page.goto(`${server.url}/#/admin/invitations`);
    await page.getByRole('button', { name: 'Inviter une personne' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inviter un ambassadeur' });
    await dialog.getByLabel('Nom complet').fill('Bruno Bis');
    await dialog.getByLabel('E-mail').fill(admin.email); // taken
    await dialog.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await dialog.getByText('a user with this email already exists').waitFor();
    await dialog.getByLabel('E-mail').fill('eve.nouvelle@corp.example');
    await dialog.getByLabel('Groupes').fill('Paris, Presse');
    await dialog.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page.getByText('Invitation envoyée à eve.nouvelle@corp.example').waitFor();
    await page.getByRole('cell', { name: 'Paris, Presse' }).waitFor();
    expect(desk.problems).toEqual([]);
    await desk.context.close();
  });
});
