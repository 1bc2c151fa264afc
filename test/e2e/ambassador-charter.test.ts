// The ambassador programme on a phone: the charter gate stops reporting until the current version is
// accepted, the crisis card is one tap away during an incident, a training module is completed, and a
// click on a shared talking point's tracked link is counted and shown to comms beside the read receipts.
// axe-core checks the ambassador pages on the way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { seriousA11yViolations } from '../support/axe.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { startPageServer, type PageServer } from '../support/page-server.js';
import { startTestServer, type TestServer } from '../support/server.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

async function api<T>(server: TestServer, user: TestUser, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const res = await server.app.inject({ method, url, headers: user.auth, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describe.skipIf(!hasChromium)('ambassador charter, training and tracked sharing', () => {
  let server: TestServer;
  let pages: PageServer;
  let browser: Browser;
  let author: TestUser;
  let reviewer: TestUser;
  let ambassador: TestUser;

  beforeAll(async () => {
    [server, browser, pages] = await Promise.all([startTestServer(), launchBrowser(), startPageServer()]);
    [author, reviewer, ambassador] = await Promise.all([
      createUser(server, 'comms', { name: 'Camille Comms' }), createUser(server, 'comms', { name: 'Rémi Relecteur' }), createUser(server, 'ambassador', { name: 'Alice Martin' }),
    ]);
    await api(server, reviewer, 'POST', '/api/v1/charter', {
      body_fr: '# Charte\n\nJe signale.', body_en: '# Our charter\n\nI **report** what I see; I never argue in public. <script>window.__pwned=1</script>',
      card_fr: '- Faire : signaler', card_en: '- **Do**: report it here\n- **Don’t**: reply or delete',
    });
    await api(server, reviewer, 'POST', '/api/v1/training/modules', {
      title: 'Reporting in a crisis', lang: 'en', body: 'When a post worries you, **report it** first.',
      questions: [{ question: 'Someone attacks the brand: what do you do?', choices: ['Reply at once', 'Report it in Pilotfish'], answer: 1 }],
    });
    const point = await api<{ id: string }>(server, author, 'POST', '/api/v1/talking-points', {
      title: 'Charger recall: the facts', body: 'Three batches are recalled as a precaution.', shareable: true, share_url: `${pages.url}/post/7`,
      suggested_posts: [{ network: 'linkedin', text: 'Three batches recalled, full refund.' }],
    });
    for (const [user, action] of [[author, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']] as const) await api(server, user, 'POST', `/api/v1/talking-points/${point.id}/${action}`);
    await server.db.database.db.insertInto('incidents').values({ title: 'Charger recall' }).execute();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    await server?.close();
  });

  it('gates reporting on the charter, then trains, shares, and counts the click', async () => {
    const phone = await newWatchedPage(browser, PHONE);
    const p = phone.page;
    await signIn(p, server.url, ambassador.email, ambassador.password);

    // The gate: the charter to read and accept, no signal form.
    const gate = p.locator('.card-charter');
    await gate.getByRole('heading', { name: 'Our charter' }).waitFor();
    expect(await gate.locator('strong').first().textContent()).toBe('report');
    expect(await gate.textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await p.evaluate('window.__pwned')).toBeUndefined();
    await p.getByText('Accept the charter above first.').waitFor();
    expect(await p.getByLabel('What did you see?').count()).toBe(0);
    await p.locator('.share-kit').getByText('Accept the charter to share this message.').waitFor();
    await screenshot(p, 'ambassador-charter-gate');
    expect(await seriousA11yViolations(p)).toEqual([]);

    // The crisis card, one tap away while the incident is open.
    await p.getByRole('button', { name: 'Crisis: do / don’t' }).click();
    const cardDialog = p.getByRole('dialog', { name: 'During the crisis: do / don’t' });
    await cardDialog.getByText('reply or delete').waitFor();
    await screenshot(p, 'ambassador-crisis-card');
    await cardDialog.getByRole('button', { name: 'Close' }).click();

    // Accept: the form appears and a report goes through.
    await p.getByRole('button', { name: 'I have read and accept the charter' }).click();
    await p.getByLabel('What did you see?').fill('A video of a burning charger is spreading');
    await p.getByRole('button', { name: 'Send to the crisis team' }).click();
    await p.getByRole('heading', { name: 'Thank you, your report was sent' }).waitFor();

    // Training: a wrong answer is marked, the right one completes the module.
    const training = p.locator('.card-training');
    await training.getByText('Reporting in a crisis').click();
    await training.getByLabel('Reply at once').check();
    await training.getByRole('button', { name: 'Check my answers' }).click();
    await training.getByText('0 of 1 right.').waitFor();
    await training.getByLabel('Report it in Pilotfish').check();
    await training.getByRole('button', { name: 'Check my answers' }).click();
    await training.locator('.module-item.is-done').waitFor();
    await training.getByText('1 of 1 completed').waitFor();

    // Sharing: intent links carry the tracked short link; following it lands on the point's page.
    const linkedin = p.locator('.share-intent[data-network="linkedin"]');
    await linkedin.waitFor();
    const short = new URL((await linkedin.getAttribute('href'))!).searchParams.get('url')!;
    expect(short).toMatch(/\/r\/[A-Za-z0-9_-]{16}$/);
    expect(new URL((await p.locator('.share-intent[data-network="x"]').getAttribute('href'))!).searchParams.get('text')).toBe('Three batches recalled, full refund.');
    await screenshot(p, 'ambassador-share-kit');
    expect(await seriousA11yViolations(p)).toEqual([]);
    const reader = await browser.newPage();
    await reader.goto(`${server.url}${new URL(short).pathname}`);
    expect(reader.url()).toBe(`${pages.url}/post/7`);
    await reader.close();
    expect(phone.problems).toEqual([]);
    await phone.context.close();

    // Comms: the click beside the read receipts, and who accepted and trained.
    const desk = await newWatchedPage(browser);
    const c = desk.page;
    await signIn(c, server.url, reviewer.email, reviewer.password);
    await c.goto(`${server.url}/#/comms/published`);
    await c.locator('.point-card', { hasText: 'Charger recall: the facts' }).getByRole('button', { name: 'Receipts' }).click();
    const receipts = c.getByRole('dialog', { name: /Receipts/ });
    await receipts.getByText('1 click on shared links').waitFor();
    expect(await receipts.locator('.reach-list').first().textContent()).toContain('LinkedIn');
    await screenshot(c, 'comms-receipts-reach');
    await receipts.getByRole('button', { name: 'Close' }).click();
    await c.goto(`${server.url}/#/comms/programme`);
    const row = c.locator('.programme-people tr', { hasText: 'Alice Martin' });
    await row.getByText('v1').waitFor();
    expect(await row.locator('td').last().textContent()).toBe('1 / 1');
    await screenshot(c, 'comms-programme');
    expect(desk.problems).toEqual([]);
    await desk.context.close();
  }, 180_000);
});
