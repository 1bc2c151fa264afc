import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../errors.js';
import { classifySmtpError } from './smtp-errors.js';

function smtpError(fields: { code?: string; responseCode?: number; response?: string; message?: string }): Error {
  return Object.assign(new Error(fields.message ?? 'failed'), fields);
}

describe('classifySmtpError', () => {
  it.each([
    { name: 'connection refused', err: smtpError({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' }), retryable: true, code: 'connection' },
    { name: 'connection dropped', err: smtpError({ code: 'ECONNECTION' }), retryable: true, code: 'connection' },
    { name: 'DNS failure', err: smtpError({ code: 'EDNS' }), retryable: true, code: 'connection' },
    { name: 'greeting timeout', err: smtpError({ code: 'ETIMEDOUT', message: 'Greeting never received' }), retryable: true, code: 'timeout' },
    { name: 'whole send aborted by our deadline', err: smtpError({ code: 'EABORT' }), retryable: true, code: 'timeout' },
    { name: '421 service not available', err: smtpError({ code: 'EPROTOCOL', responseCode: 421, response: '421 try later' }), retryable: true, code: 'rejected_transient' },
    { name: '451 local error', err: smtpError({ code: 'EMESSAGE', responseCode: 451 }), retryable: true, code: 'rejected_transient' },
    { name: '452 mailbox full', err: smtpError({ code: 'EENVELOPE', responseCode: 452 }), retryable: true, code: 'rejected_transient' },
    { name: '503 bad sequence', err: smtpError({ code: 'EPROTOCOL', responseCode: 503 }), retryable: true, code: 'rejected_transient' },
    { name: '550 no such user', err: smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 No such user' }), retryable: false, code: 'rejected_permanent' },
    { name: '554 message refused', err: smtpError({ code: 'EMESSAGE', responseCode: 554 }), retryable: false, code: 'rejected_permanent' },
    { name: '535 bad credentials', err: smtpError({ code: 'EAUTH', responseCode: 535 }), retryable: false, code: 'auth' },
    { name: '454 temporary auth failure', err: smtpError({ code: 'EAUTH', responseCode: 454 }), retryable: true, code: 'auth' },
    { name: 'invalid address, no reply', err: smtpError({ code: 'EENVELOPE', message: 'No recipients defined' }), retryable: false, code: 'invalid_target' },
    { name: 'missing credentials', err: smtpError({ code: 'ENOAUTH' }), retryable: false, code: 'not_configured' },
    { name: 'something else', err: new Error('weird'), retryable: true, code: 'unknown' },
  ])('$name → retryable=$retryable ($code)', ({ err, retryable, code }) => {
    const result = classifySmtpError(err);
    expect(result).toBeInstanceOf(DeliveryError);
    expect(result.retryable).toBe(retryable);
    expect(result.code).toBe(code);
    expect(result.cause).toBe(err);
  });

  it('keeps the server reply in the message and the reply code as status', () => {
    const result = classifySmtpError(smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <x@example.com>: user unknown' }));
    expect(result.message).toContain('user unknown');
    expect(result.status).toBe(550);
  });

  it('passes a DeliveryError through untouched', () => {
    const original = new DeliveryError('already classified', { retryable: false, code: 'rejected_permanent' });
    expect(classifySmtpError(original)).toBe(original);
  });
});
