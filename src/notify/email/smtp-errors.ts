/**
 * Turns a nodemailer error into a DeliveryError the outbox can act on. The rule follows RFC 5321:
 * a 4xx reply means "try again later", a 5xx reply means "never with this message" (503, bad sequence
 * of commands, is a session problem and worth another try). Failures without a reply (refused,
 * reset, timed out) are retryable: the server may be back soon.
 */
import { DeliveryError, type DeliveryErrorCode } from '../errors.js';

interface SmtpErrorLike {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

const CONNECTION_CODES = new Set([
  'ECONNECTION', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE',
  'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'EABORT']);
/** Our own misconfiguration: the same mail fails the same way until someone fixes the settings. */
const CONFIG_CODES = new Set(['ECONFIG', 'ENOAUTH', 'EREQUIRETLS']);

const MAX_RESPONSE_IN_MESSAGE = 200;

function describe(err: SmtpErrorLike): string {
  const text = typeof err.response === 'string' && err.response ? err.response : String(err.message ?? 'unknown error');
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_RESPONSE_IN_MESSAGE);
}

function fromReply(err: SmtpErrorLike, responseCode: number, cause: unknown): DeliveryError {
  const detail = describe(err);
  const isAuth = err.code === 'EAUTH';
  if (responseCode >= 500 && responseCode !== 503) {
    const code: DeliveryErrorCode = isAuth ? 'auth' : 'rejected_permanent';
    const what = isAuth ? 'refused the SMTP credentials' : 'rejected the message permanently';
    return new DeliveryError(`SMTP server ${what} (${responseCode}): ${detail}`, { retryable: false, code, status: responseCode, cause });
  }
  const code: DeliveryErrorCode = isAuth ? 'auth' : 'rejected_transient';
  return new DeliveryError(`SMTP server deferred the message (${responseCode}): ${detail}`, { retryable: true, code, status: responseCode, cause });
}

export function classifySmtpError(cause: unknown): DeliveryError {
  if (cause instanceof DeliveryError) return cause;
  const err: SmtpErrorLike = typeof cause === 'object' && cause !== null ? cause : { message: String(cause) };
  if (typeof err.responseCode === 'number' && err.responseCode >= 400) return fromReply(err, err.responseCode, cause);
  const code = typeof err.code === 'string' ? err.code : '';
  const detail = describe(err);
  if (TIMEOUT_CODES.has(code)) {
    return new DeliveryError(`SMTP server did not answer in time: ${detail}`, { retryable: true, code: 'timeout', cause });
  }
  if (CONNECTION_CODES.has(code)) {
    return new DeliveryError(`Could not reach the SMTP server: ${detail}`, { retryable: true, code: 'connection', cause });
  }
  if (code === 'EENVELOPE') {
    return new DeliveryError(`Invalid email envelope: ${detail}`, { retryable: false, code: 'invalid_target', cause });
  }
  if (CONFIG_CODES.has(code)) {
    return new DeliveryError(`SMTP configuration problem: ${detail}`, { retryable: false, code: 'not_configured', cause });
  }
  // Unknown failures are retried: the outbox dead-letters them after its attempt limit.
  return new DeliveryError(`SMTP delivery failed: ${detail}`, { retryable: true, code: 'unknown', cause });
}
