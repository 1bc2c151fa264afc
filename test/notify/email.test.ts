/**
 * The mailer against a real SMTP server in the same process (smtp-server): what arrives, in both
 * languages, and how each kind of outage is reported to the outbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMailer, type Mailer, type OutgoingMail } from '../../src/notify/email/mailer.js';
import { renderAlertEmail, renderTalkingPointEmail } from '../../src/notify/email/templates.js';
import { DeliveryError } from '../../src/notify/errors.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { HOSTILE_TEXT, alertMessage, talkingPointMessage } from './fixtures.js';

const FROM = 'Pilotfish <alerts@pilotfish.example>';
const NBSP = '\u00a0';

let smtp: TestSmtpServer;
let mailer: Mailer;

beforeEach(async () => {
  smtp = await startSmtpServer();
  mailer = createMailer({ smtpUrl: smtp.url, from: FROM, timeoutMs: 1_000 });
});

afterEach(async () => {
  await mailer.close();
  await smtp.stop();
});

function alertMail(to: string, messageId: string, lang: 'fr' | 'en' = 'fr'): OutgoingMail {
  return { to, messageId, ...renderAlertEmail(alertMessage(), lang) };
}

async function deliveryError(promise: Promise<unknown>): Promise<DeliveryError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('email delivery', () => {
  it('delivers a French alert to its recipient with subject, explanation and links intact', async () => {
    const result = await mailer.send(alertMail('cellule.crise@client.example', 'delivery-a1-s0-u1-email'));
    expect(result.messageId).toBe('<delivery-a1-s0-u1-email@pilotfish.example>');
    expect(result.response).toMatch(/^250 /);

    const [mail] = await smtp.waitFor(1);
    expect(mail?.envelope).toEqual({ from: 'alerts@pilotfish.example', to: ['cellule.crise@client.example'] });
    expect(mail?.headers.from).toBe(FROM);
    expect(mail?.subject).toBe(`[Pilotfish] CRITIQUE — Pic de volume sur «${NBSP}Marque X${NBSP}»`);
    expect(mail?.messageId).toBe(result.messageId);
    expect(mail?.headers['auto-submitted']).toBe('auto-generated');
    expect(mail?.text).toContain(`Attendu${NBSP}: 29,6`);
    expect(mail?.text).toContain('Rappel massif des yaourts Marque X');
    expect(mail?.html).toContain('href="https://pilotfish.example/alerts/alert-1/ack"');
    expect(mail?.html).toContain('Prendre en charge');
  });

  it('delivers an English escalation and an English talking point', async () => {
    await mailer.send({ to: 'oncall@client.example', messageId: 'd-2', ...renderAlertEmail(alertMessage({ escalated: true, stepIndex: 1 }), 'en') });
    await mailer.send({ to: 'ambassador@client.example', messageId: 'd-3', ...renderTalkingPointEmail(talkingPointMessage({ lang: 'en' }), 'en') });
    const [alert, point] = await smtp.waitFor(2);
    expect(alert?.envelope.to).toEqual(['oncall@client.example']);
    expect(alert?.subject).toBe('[Pilotfish] CRITICAL — Escalated (step 2) — Volume spike on "Marque X"');
    expect(alert?.text).toContain('Nobody has acknowledged this alert yet: escalated to step 2.');
    expect(point?.envelope.to).toEqual(['ambassador@client.example']);
    expect(point?.subject).toBe('[Pilotfish] Talking point: Rappel de lots de yaourts');
    expect(point?.text).toContain('Read and confirm: https://pilotfish.example/talking-points/tp-1');
  });

  it('keeps hostile mention text inert after the trip through SMTP', async () => {
    const rendered = renderAlertEmail(alertMessage({ samples: [{ text: HOSTILE_TEXT, url: null, author: null }] }), 'en');
    await mailer.send({ to: 'a@client.example', messageId: 'd-4', ...rendered });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.html).toBe(rendered.html);
    expect(mail?.html).not.toMatch(/<script/i);
    expect(mail?.html).not.toContain('" onerror=');
    expect(mail?.text).toContain(HOSTILE_TEXT);
  });

  it('authenticates with the credentials in the URL, percent-encoded characters included', async () => {
    const secured = await startSmtpServer({ auth: { user: 'pilotfish', pass: 'p@ss:w/rd' } });
    const authed = createMailer({ smtpUrl: `smtp://pilotfish:${encodeURIComponent('p@ss:w/rd')}@127.0.0.1:${secured.port}`, from: FROM, timeoutMs: 1_000 });
    const wrong = createMailer({ smtpUrl: `smtp://pilotfish:nope@127.0.0.1:${secured.port}`, from: FROM, timeoutMs: 1_000 });
    try {
      await authed.send(alertMail('a@client.example', 'd-5'));
      const [mail] = await secured.waitFor(1);
      expect(mail?.user).toBe('pilotfish');
      const err = await deliveryError(wrong.send(alertMail('a@client.example', 'd-6')));
      expect(err).toMatchObject({ retryable: false, code: 'auth', status: 535 });
    } finally {
      await authed.close();
      await wrong.close();
      await secured.stop();
    }
  });
});

describe('email failures', () => {
  it('reports a missing SMTP configuration as permanent, with the reason', async () => {
    const unconfigured = createMailer({ smtpUrl: null, from: FROM });
    expect(unconfigured.configured).toBe(false);
    const err = await deliveryError(unconfigured.send(alertMail('a@client.example', 'd-7')));
    expect(err.retryable).toBe(false);
    expect(err.code).toBe('not_configured');
    expect(err.message).toBe('SMTP is not configured (set SMTP_URL)');
    expect(mailer.configured).toBe(true);
  });

  it('refuses a URL that is not smtp:// or smtps:// at creation', () => {
    expect(() => createMailer({ smtpUrl: 'http://mail.example', from: FROM })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => createMailer({ smtpUrl: 'not a url', from: FROM })).toThrow(/SMTP_URL/);
  });

  it('SMTP down (connection refused) → retryable; back up → delivered exactly once', async () => {
    await smtp.setMode('refuse');
    const mail = alertMail('a@client.example', 'delivery-outage');
    const err = await deliveryError(mailer.send(mail));
    expect(err).toMatchObject({ retryable: true, code: 'connection' });
    expect(smtp.messages).toHaveLength(0);

    await smtp.setMode('up');
    const result = await mailer.send(mail);
    await smtp.waitFor(1);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.messageId).toBe(result.messageId);
  });

  it('SMTP answering 421 at connection → retryable', async () => {
    await smtp.setMode('reject');
    const err = await deliveryError(mailer.send(alertMail('a@client.example', 'd-8')));
    expect(err).toMatchObject({ retryable: true, code: 'rejected_transient', status: 421 });
  });

  it('a silent SMTP server does not hang the sender: timeout → retryable', async () => {
    await smtp.setMode('silent');
    const impatient = createMailer({ smtpUrl: smtp.url, from: FROM, timeoutMs: 300 });
    const started = Date.now();
    const err = await deliveryError(impatient.send(alertMail('a@client.example', 'd-9')));
    await impatient.close();
    expect(err).toMatchObject({ retryable: true, code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a message deferred with 451 is retryable and goes through on the next attempt with the same Message-ID', async () => {
    smtp.failNext(1, 451);
    const mail = alertMail('a@client.example', 'delivery-deferred');
    const err = await deliveryError(mailer.send(mail));
    expect(err).toMatchObject({ retryable: true, code: 'rejected_transient', status: 451 });
    const result = await mailer.send(mail);
    const [delivered] = await smtp.waitFor(1);
    expect(smtp.attempts).toBe(2);
    expect(smtp.messages).toHaveLength(1);
    expect(delivered?.messageId).toBe(result.messageId);
  });

  it('a recipient rejected with 550 is permanent: not retryable, nothing delivered', async () => {
    const strict = await startSmtpServer({ rejectRecipients: ['gone@client.example'] });
    const strictMailer = createMailer({ smtpUrl: strict.url, from: FROM, timeoutMs: 1_000 });
    try {
      const err = await deliveryError(strictMailer.send(alertMail('gone@client.example', 'd-10')));
      expect(err).toMatchObject({ retryable: false, code: 'rejected_permanent', status: 550 });
      expect(err.message).toContain('No such user');
      expect(strict.messages).toHaveLength(0);
    } finally {
      await strictMailer.close();
      await strict.stop();
    }
  });

  it('a message refused for good with 554 is not retryable', async () => {
    smtp.failNext(1, 554);
    const err = await deliveryError(mailer.send(alertMail('a@client.example', 'd-11')));
    expect(err).toMatchObject({ retryable: false, code: 'rejected_permanent', status: 554 });
  });
});
