import { describe, expect, it } from 'vitest';
import { computeSignature, verifySignature } from './signature.js';

const SECRET = 'whsec_test';
const BODY = '{"type":"alert.raised","id":"e1","at":"2025-03-03T14:05:00Z","data":{"id":"a1"}}';
const NOW = 1_741_010_700;

describe('webhook signatures', () => {
  const good = computeSignature(SECRET, NOW, BODY);

  it('signs "<timestamp>.<body>" with HMAC-SHA256, hex, prefixed by the scheme', async () => {
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
    expect(good).toBe(`sha256=${expected}`);
  });

  it.each([
    { name: 'a valid signature', secret: SECRET, ts: String(NOW), body: BODY, header: good, now: NOW + 10, valid: true },
    { name: 'a Buffer body', secret: SECRET, ts: NOW, body: Buffer.from(BODY), header: good, now: NOW, valid: true },
    { name: 'one of several signatures (secret rotation)', secret: SECRET, ts: NOW, body: BODY, header: `sha256=${'0'.repeat(64)}, ${good}`, now: NOW, valid: true },
    { name: 'upper-case hex', secret: SECRET, ts: NOW, body: BODY, header: `sha256=${good.slice('sha256='.length).toUpperCase()}`, now: NOW, valid: true },
    { name: 'another secret', secret: 'other', ts: NOW, body: BODY, header: good, now: NOW, valid: false },
    { name: 'a tampered body', secret: SECRET, ts: NOW, body: BODY.replace('a1', 'a2'), header: good, now: NOW, valid: false },
    { name: 'a re-serialised body', secret: SECRET, ts: NOW, body: JSON.stringify(JSON.parse(BODY), null, 2), header: good, now: NOW, valid: false },
    { name: 'another timestamp', secret: SECRET, ts: NOW + 1, body: BODY, header: good, now: NOW, valid: false },
    { name: 'a replay after the tolerance', secret: SECRET, ts: NOW, body: BODY, header: good, now: NOW + 301, valid: false },
    { name: 'a timestamp from the future', secret: SECRET, ts: NOW, body: BODY, header: good, now: NOW - 301, valid: false },
    { name: 'another scheme', secret: SECRET, ts: NOW, body: BODY, header: good.replace('sha256=', 'sha1='), now: NOW, valid: false },
    { name: 'a truncated signature', secret: SECRET, ts: NOW, body: BODY, header: good.slice(0, -2), now: NOW, valid: false },
    { name: 'no header', secret: SECRET, ts: NOW, body: BODY, header: undefined, now: NOW, valid: false },
    { name: 'no timestamp', secret: SECRET, ts: undefined, body: BODY, header: good, now: NOW, valid: false },
    { name: 'a non-numeric timestamp', secret: SECRET, ts: `${NOW}x`, body: BODY, header: good, now: NOW, valid: false },
    { name: 'an empty secret', secret: '', ts: NOW, body: BODY, header: computeSignature('', NOW, BODY), now: NOW, valid: false },
  ])('$name → $valid', ({ secret, ts, body, header, now, valid }) => {
    expect(verifySignature(secret, ts, body, header, 300, now)).toBe(valid);
  });

  it('skips the freshness check with an infinite tolerance', () => {
    expect(verifySignature(SECRET, NOW, BODY, good, Infinity, NOW + 86_400 * 365)).toBe(true);
  });
});
