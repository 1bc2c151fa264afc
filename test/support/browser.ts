// Debian's Chromium driven by playwright-core, plus a watcher that fails a test on any console error,
// uncaught exception or Content-Security-Policy violation.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`e2e: ${CHROMIUM} not found, browser tests skipped (apt-get install -y chromium, or set CHROMIUM_PATH)`);
export const SCREENSHOTS = path.resolve('test-artifacts/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far (minus the allowed ones). */
  problems: string[];
  /** Allows "Failed to load resource" console lines for responses the test provokes on purpose. */
  allowFailedResource(pattern: RegExp): void;
}

export async function newWatchedPage(browser: Browser, options: { viewport?: { width: number; height: number }; locale?: string; isMobile?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    locale: options.locale ?? 'en-GB',
    ...(options.isMobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => undefined);
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed: RegExp[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'warning') return;
    const text = msg.text();
    const where = msg.location().url ?? '';
    if (/Failed to load resource/.test(text) && allowed.some((re) => re.test(where))) return;
    if (msg.type() === 'warning' && !/Content.Security.Policy|Refused/i.test(text)) return;
    problems.push(`console.${msg.type()}: ${text} (${where})`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  // CSP violations also reach the console, but the DOM event says exactly what was blocked.
  // (A string, because this project's Node typings have no DOM.)
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
    console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI);
  });`);
  return { page, context, problems, allowFailedResource: (re) => allowed.push(re) };
}

/** Full page, unless a dialog is open (a modal covers the viewport, not the whole page). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const modal = (await page.locator('dialog[open]').count()) > 0;
  if (!modal) await page.evaluate('window.scrollTo(0, 0)'); // sticky headers are drawn where the viewport is
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: !modal, animations: 'disabled' });
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel(/^(Email|E-mail)$/).fill(email);
  await page.getByLabel(/^(Password|Mot de passe)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|Se connecter)$/ }).click();
  await page.locator('.topbar').waitFor();
}

