import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openWithKey, sealWithKey } from './secrets.js';

describe('source secrets', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = sealWithKey(key, { access_token: 'tok-123456', password: 'hunter2' });
    expect(sealed).not.toContain('tok-123456');
    expect(sealed).not.toContain('hunter2');
    expect(openWithKey(key, sealed)).toEqual({ access_token: 'tok-123456', password: 'hunter2' });
  });

  it('seals the same secrets differently each time (random IV)', () => {
    expect(sealWithKey(key, { a: 'b' })).not.toBe(sealWithKey(key, { a: 'b' }));
  });

  it('refuses a tampered ciphertext or another key', () => {
    const sealed = sealWithKey(key, { token: 'x' });
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => openWithKey(key, [...parts.slice(0, 3), body.toString('base64url')].join('.'))).toThrow();
    expect(() => openWithKey(randomBytes(32), sealed)).toThrow();
    expect(() => openWithKey(key, 'v0.a.b.c')).toThrow(/unknown format/);
  });
});
