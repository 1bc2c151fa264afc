// Single sign-on in Chromium: the login page offers "Sign in with SSO"; the browser goes through a real
// OpenID Connect provider's login and consent pages (oidc-provider, in this process) and lands in the app,
// signed in with the role its claims map to. Replaying the provider's answer shows why it is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seriousA11yViolations } from '../support/axe.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot } from '../support/browser.js';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { freePort, startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('single sign-on in a browser', () => {
  let server: TestServer;
  let provider: TestOidcProvider;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    const redirect = `http://127.0.0.1:${port}/api/v1/auth/oidc/callback`;
    provider = await startOidcProvider({
      redirectUris: [redirect],
      accounts: { cora: { email: 'cora.comms@corp.example', email_verified: true, name: 'Cora Comms', locale: 'en', roles: ['pf-comms'], groups: ['Press'] } },
    });
    [server, browser] = await Promise.all([
      startTestServer({}, {
        PUBLIC_URL: `http://127.0.0.1:${port}`, AUTH_OIDC_ISSUER: provider.issuer, AUTH_OIDC_CLIENT_ID: provider.clientId,
        AUTH_OIDC_CLIENT_SECRET: provider.clientSecret, AUTH_OIDC_ALLOW_HTTP: 'true', AUTH_OIDC_ROLE_MAP: 'pf-comms=comms', AUTH_OIDC_GROUPS_CLAIM: 'groups',
      }, { port }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  it('signs in through the provider\'s login and consent pages', { timeout: 90_000 }, async () => {
    const watched = await newWatchedPage(browser);
    const { page } = watched;
    // The provider's own development pages load a web font from the internet, unreachable here.
    watched.allowFailedResource(/fonts\.googleapis\.com/);
    let callback = '';
    page.on('request', (r) => { if (r.url().includes('/api/v1/auth/oidc/callback')) callback = r.url(); });

    await page.goto(server.url);
    const sso = page.getByRole('link', { name: 'Sign in with SSO' });
    await sso.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'login-with-sso');
    await sso.click();

    await page.waitForURL(`${provider.issuer}/**`);
    await page.locator('input[name="login"]').fill('cora');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.locator('.topbar').waitFor();
    expect(new URL(page.url()).origin).toBe(server.url);
    expect(await page.evaluate('location.hash')).toBe('#/comms'); // a comms user's home
    const me = await page.evaluate(`fetch('/api/v1/auth/session').then((r) => r.json())`) as { user: { email: string; role: string } };
    expect(me.user).toMatchObject({ email: 'cora.comms@corp.example', role: 'comms' });
    await screenshot(page, 'signed-in-with-sso');
    expect(watched.problems.filter((p) => !p.includes(provider.issuer))).toEqual([]);

    // The provider's answer is single-use: opened again, it is refused with the reason and a way back.
    expect(callback).toContain('code=');
    const again = await page.goto(callback);
    expect(again?.status()).toBe(400);
    await page.getByText('this sign-in request is unknown, was already used or has expired').waitFor();
    await page.getByRole('link', { name: /Back to sign in/ }).waitFor();
    await watched.context.close();
  });
});
