/**
 * Email over SMTP with nodemailer. One connection per message (no pool): a crisis team is tens of
 * people, and a fresh connection per attempt keeps the failure of one attempt from leaking into the
 * next. Every wait has a limit so a dead or silent server never blocks the outbox.
 */
import nodemailer from 'nodemailer';
import { DeliveryError } from '../errors.js';
import { classifySmtpError } from './smtp-errors.js';

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://…; null when email is not configured. */
  smtpUrl: string | null;
  /** The From header, e.g. "Pilotfish <alerts@example.com>". */
  from: string;
  /** Limit for connecting, for the greeting and for each silence on the socket. Default 10 s. */
  timeoutMs?: number;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per delivery, so that receivers (and we) can recognise a retried message. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface SendResult {
  /** The Message-ID header actually sent, "<…@…>". */
  messageId: string;
  /** The server's final reply, e.g. "250 OK: queued as …". */
  response: string;
}

export interface Mailer {
  configured: boolean;
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** The whole exchange (connect, greeting, EHLO, MAIL, RCPT, DATA) gets a few single waits at most. */
const WHOLE_SEND_FACTOR = 4;

/** Automated mail: ask auto-responders (out-of-office) not to answer (RFC 3834, Exchange). */
const AUTOMATED_HEADERS: Record<string, string> = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };

export const NOT_CONFIGURED_MESSAGE = 'SMTP is not configured (set SMTP_URL)';

export function createMailer(options: MailerOptions): Mailer {
  if (!options.smtpUrl) return unconfiguredMailer();
  assertSmtpUrl(options.smtpUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  const fromDomain = domainOf(options.from);
  return {
    configured: true,
    async send(mail) {
      const messageId = normalizeMessageId(mail.messageId, fromDomain);
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId,
          headers: { ...AUTOMATED_HEADERS, ...mail.headers },
          signal: AbortSignal.timeout(timeoutMs * WHOLE_SEND_FACTOR),
        });
        if (info.rejected.length > 0) throw rejectedRecipients(info.rejected.map(String), info.response);
        return { messageId, response: info.response };
      } catch (err) {
        throw classifySmtpError(err);
      }
    },
    async close() {
      transport.close();
    },
  };
}

function unconfiguredMailer(): Mailer {
  return {
    configured: false,
    async send() {
      throw new DeliveryError(NOT_CONFIGURED_MESSAGE, { retryable: false, code: 'not_configured' });
    },
    async close() {},
  };
}

function assertSmtpUrl(smtpUrl: string): void {
  let protocol: string;
  try {
    protocol = new URL(smtpUrl).protocol;
  } catch {
    throw new Error('SMTP_URL is not a valid URL (expected smtp://user:pass@host:port or smtps://…)');
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got ${protocol}//)`);
  }
}

function rejectedRecipients(rejected: string[], response: string): DeliveryError {
  return new DeliveryError(`SMTP server rejected the recipient ${rejected.join(', ')}: ${response}`, {
    retryable: false,
    code: 'rejected_permanent',
  });
}

/** "Pilotfish <alerts@example.com>" → "example.com". */
export function domainOf(address: string): string | null {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  return match?.[1] ?? null;
}

/**
 * Message-ID must look like "<left@right>". The caller's delivery id is kept verbatim when it already
 * has that shape, so the same delivery always carries the same Message-ID.
 */
export function normalizeMessageId(id: string, domain: string | null): string {
  const trimmed = id.trim();
  if (/^<[^<>\s]+@[^<>\s]+>$/.test(trimmed)) return trimmed;
  if (/^[^<>\s]+@[^<>\s]+$/.test(trimmed)) return `<${trimmed}>`;
  const left = trimmed.replace(/[^A-Za-z0-9._-]/g, '_') || 'pilotfish';
  return `<${left}@${domain ?? 'pilotfish.local'}>`;
}
