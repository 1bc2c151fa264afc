// An invited ambassador opens the emailed one-time link on a phone and is signed in; the same link a
// second time shows why it no longer works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { seriousA11yViolations } from '../support/axe.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

describe.skipIf(!hasChromium)('invitation to a signed-in phone', () => {
  let server: TestServer;
  let smtp: TestSmtpServer;
  let browser: Browser;
  let admin: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    [server, browser] = await Promise.all([startTestServer({}, { SMTP_URL: smtp.url }), launchBrowser()]);
    admin = await createUser(server, 'admin');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.stop();
  });

  it('signs in from the email link once', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/invitations', headers: admin.auth, payload: { email: 'new.ambassador@corp.example', name: 'Nora Nouvelle', language: 'en' } });
    expect(res.statusCode).toBe(201);
    const [mail] = await smtp.waitFor(1);
    const link = /https?:\/\/\S+#\/link\/[A-Za-z0-9_-]+/.exec((mail!.text ?? '').replace(/=\r?\n/g, ''))![0];
    const path = link.slice(link.indexOf('/#/'));

    const phone = await newWatchedPage(browser, PHONE);
    await phone.page.goto(`${server.url}${path}`);
    await phone.page.getByRole('heading', { name: 'Hello Nora' }).waitFor();
    expect(await phone.page.evaluate('location.hash')).toBe('#/field');
    expect(await seriousA11yViolations(phone.page)).toEqual([]);
    await screenshot(phone.page, 'ambassador-invited-signed-in');
    expect(phone.problems).toEqual([]);
    await phone.context.close();

    const again = await newWatchedPage(browser, PHONE);
    again.allowFailedResource(/\/api\/v1\/auth\/link/);
    await again.page.goto(`${server.url}${path}`);
    await again.page.getByText('This sign-in link is invalid, was already used or has expired').waitFor();
    expect(again.problems).toEqual([]);
    await again.context.close();
  });
});
