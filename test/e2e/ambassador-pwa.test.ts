// The ambassador app on a phone: installable (manifest, icons, service worker under the strict CSP),
// opens without a network on the talking points it already received, and a report written offline is
// sent exactly once when the network returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { seriousA11yViolations } from '../support/axe.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startSwitchableProxy, type SwitchableProxy } from '../support/switchable-proxy.js';
import { advance, draft } from '../talking-points/support.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

describe.skipIf(!hasChromium)('installable ambassador app', () => {
  let server: TestServer;
  let proxy: SwitchableProxy;
  let browser: Browser;
  let ambassador: TestUser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    proxy = await startSwitchableProxy(server.url);
    ambassador = await createUser(server, 'ambassador', { name: 'Inès Terrain' });
    const author = await createUser(server, 'comms');
    const reviewer = await createUser(server, 'comms');
    const point = await draft(server, author, { title: 'Recall of three batches', body: 'Three batches are recalled as a precaution.' });
    await advance(server, point.id, author, reviewer, 'published');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await server?.close();
  });

  it('serves a valid manifest with installable icons', async () => {
    const res = await fetch(`${server.url}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = await res.json() as { name: string; short_name: string; start_url: string; scope: string; display: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
    expect(manifest).toMatchObject({ name: 'Pilotfish', short_name: 'Pilotfish', display: 'standalone', scope: '/' });
    expect(manifest.start_url.startsWith('/')).toBe(true);
    // Chromium installs with a 192 px and a 512 px PNG; Android masks the maskable one.
    for (const size of ['192x192', '512x512']) expect(manifest.icons.some((i) => i.sizes === size && i.type === 'image/png')).toBe(true);
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const png = await fetch(`${server.url}${icon.src}`);
      expect(png.status).toBe(200);
      const bytes = Buffer.from(await png.arrayBuffer());
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
  });

  it('opens offline on the talking points received, and sends an offline report once when back online', { timeout: 120_000 }, async () => {
    const phone = await newWatchedPage(browser, PHONE);
    const p = phone.page;
    await signIn(p, proxy.url, ambassador.email, ambassador.password);
    await p.getByText('Recall of three batches').waitFor();
    expect(await seriousA11yViolations(p)).toEqual([]);
    // The service worker is installed, active and controls the page under the strict CSP.
    await p.waitForFunction('navigator.serviceWorker.controller !== null', null, { timeout: 15_000 });
    expect(await p.evaluate('navigator.serviceWorker.ready.then((r) => r.active && r.active.state)')).toBe('activated');
    const manifestHref = await p.evaluate('document.querySelector(\'link[rel="manifest"]\').href');
    expect(manifestHref).toBe(`${proxy.url}/manifest.webmanifest`);

    // What the page loaded before the worker took control is kept for offline use.
    await p.waitForFunction(`Promise.all(['/api/v1/talking-points/feed', '/js/pages/ambassador/index.js', '/api/v1/auth/session'].map((u) => caches.match(u))).then((all) => all.every(Boolean))`, null, { timeout: 15_000 });

    // The network goes away: a reload still shows the app and the point already received.
    proxy.setOnline(false);
    phone.allowFailedResource(/./); // the live stream's reconnection attempts fail while offline
    await p.reload();
    await p.getByRole('heading', { name: 'Hello Inès' }).waitFor({ timeout: 15_000 });
    await p.getByText('Recall of three batches').waitFor();
    await screenshot(p, 'ambassador-offline');

    // A report written offline is kept on the phone.
    await p.getByLabel('What did you see?').fill('Offline report: a forum thread says ACME hides a recall');
    await p.getByText('Could grow').click();
    await p.getByRole('button', { name: 'Send to the crisis team' }).click();
    await p.getByRole('heading', { name: 'Saved on this phone' }).waitFor();
    await p.getByText('1 report waiting for the network').waitFor();
    expect(await server.db.database.db.selectFrom('signals').select('id').execute()).toHaveLength(0);

    // Back online: sent once, and the waiting note goes away.
    proxy.setOnline(true);
    await p.evaluate('window.dispatchEvent(new Event("online"))'); // what the browser fires when the network returns
    await p.getByText('1 report waiting for the network').waitFor({ state: 'hidden' });
    // A second "online" (flaky networks fire several) sends nothing more.
    await p.evaluate('window.dispatchEvent(new Event("online"))');
    await p.reload();
    await p.getByRole('heading', { name: 'Hello Inès' }).waitFor();
    const rows = await server.db.database.db.selectFrom('signals').select(['text', 'severity', 'client_id']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: 'Offline report: a forum thread says ACME hides a recall', severity: 'medium' });
    expect(rows[0]!.client_id).toMatch(/^[0-9a-f]{32}$/);
    expect(await p.evaluate('Object.keys(localStorage).filter((k) => k.startsWith("pf_signal_queue"))')).toEqual([]);
    await phone.context.close();
  });
});
