// The review, as the two people live it: the author writes in French with an English interface and sees,
// while typing, the language of the text and any do-not-say wording; the reviewer's card shows everything
// that will go out (audience, public post, translation, do-not-say result); the reason for sending it
// back reaches the author's open page at once and stays on the draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, type TestUser } from '../support/app.js';
import { hasChromium, launchBrowser, newWatchedPage, screenshot, signIn } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe.skipIf(!hasChromium)('reviewing a talking point', () => {
  let server: TestServer;
  let browser: Browser;
  let author: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer({ 'talking_points.do_not_say': ['no comment', 'rumeur*'] }), launchBrowser()]);
    author = await createUser(server, 'crisis', { name: 'Chloé Auteur' });
    reviewer = await createUser(server, 'comms', { name: 'Dominique Relecture' });
    const admin = await createUser(server, 'admin');
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/groups', headers: admin.auth, payload: { name: 'Siège social', kind: 'department' } });
    expect(res.statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('checks the wording and language live, shows the reviewer what goes out, and sends the reason back to the author', async () => {
    const writer = await newWatchedPage(browser);
    await signIn(writer.page, server.url, author.email, author.password);
    const w = writer.page;
    await w.getByRole('link', { name: 'Talking points' }).click();
    await w.locator('.live-status.is-open').waitFor();
    await w.getByRole('button', { name: 'New talking point' }).click();
    const editor = w.getByRole('dialog', { name: 'New talking point' });
    // An English interface, a French text: the text decides which translation is offered.
    await expect.poll(() => editor.locator('details.translation summary').textContent()).toBe('French version (optional)');
    await editor.getByLabel('Title').first().fill('Rappel de trois lots de chargeurs');
    await editor.getByLabel('Message').first().fill('Par précaution, nous rappelons trois lots du chargeur C-20. Les rumeurs d’incendie sont fausses.');
    await editor.locator('.live-check .live-lang', { hasText: 'Written in French' }).waitFor();
    await editor.locator('details.translation summary', { hasText: 'English version (optional)' }).waitFor();
    await editor.locator('.live-dns .chip', { hasText: 'rumeur* · body' }).waitFor();
    await screenshot(w, 'comms-editor-live-check');
    // Fixing the wording clears the warning, without saving.
    await editor.getByLabel('Message').first().fill('Par précaution, nous rappelons trois lots du chargeur C-20. Aucun blessé n’a été signalé.');
    await editor.locator('.live-dns-clean').waitFor();
    expect(await editor.locator('.live-dns').count()).toBe(0);

    await editor.locator('details.translation summary').click();
    await editor.locator('details.translation').getByLabel('Title').fill('Three batches of chargers recalled');
    await editor.locator('details.translation').getByLabel('Message').fill('As a precaution, we are recalling three batches of the C-20 charger. Nobody was hurt.');
    await editor.getByLabel('Ambassadors may share it publicly').check();
    await editor.getByLabel('Suggested post').fill('Par précaution, ACME rappelle trois lots du chargeur C-20.');
    await editor.getByLabel('Only these groups').check();
    await editor.getByLabel('Siège social').check();
    await editor.getByRole('button', { name: 'Create draft' }).click();
    const draft = w.locator('.point-card', { hasText: 'Rappel de trois lots de chargeurs' });
    await draft.getByRole('button', { name: 'Submit for review' }).click();
    await w.getByText('Submitted for review').waitFor();

    const checker = await newWatchedPage(browser);
    await signIn(checker.page, server.url, reviewer.email, reviewer.password);
    const c = checker.page;
    const card = c.locator('.point-card', { hasText: 'Rappel de trois lots de chargeurs' });
    const out = card.locator('.outgoing');
    await out.waitFor();
    expect(await out.locator('.outgoing-audience').textContent()).toBe('Groups: Siège social');
    expect(await out.locator('.share-text').textContent()).toBe('Par précaution, ACME rappelle trois lots du chargeur C-20.');
    expect(await out.locator('.share-network').textContent()).toBe('LinkedIn');
    const english = out.locator('.outgoing-variant[lang="en"]');
    expect(await english.locator('.outgoing-variant-title').textContent()).toBe('Three batches of chargers recalled');
    expect(await english.locator('.point-body').textContent()).toContain('Nobody was hurt.');
    await out.getByText('No do-not-say wording').waitFor();
    await screenshot(c, 'comms-review-card');

    await card.getByRole('button', { name: 'Send back' }).click();
    const dialog = c.getByRole('dialog', { name: 'Send back to the author' });
    await dialog.getByLabel('What should change?').fill('Give the batch numbers and where customers return the charger.');
    await dialog.getByRole('button', { name: 'Send back' }).click();
    await c.getByText('Sent back to the author').waitFor();

    // The author's page, never reloaded: a notice with the reason, and the draft carries it.
    await w.locator('.toast', { hasText: '“Rappel de trois lots de chargeurs” was sent back to you: Give the batch numbers' }).waitFor({ timeout: 10_000 });
    await w.getByRole('button', { name: /^Drafts/ }).click();
    const sentBack = w.locator('.point-card', { hasText: 'Rappel de trois lots de chargeurs' }).locator('.sent-back');
    await sentBack.waitFor();
    expect(await sentBack.locator('strong').textContent()).toBe('Sent back by Dominique Relecture');
    expect(await sentBack.locator('.sent-back-reason').textContent()).toBe('Give the batch numbers and where customers return the charger.');
    await screenshot(w, 'comms-sent-back');

    for (const watched of [writer, checker]) {
      expect(watched.problems).toEqual([]);
      await watched.context.close();
    }
  }, 120_000);
});
