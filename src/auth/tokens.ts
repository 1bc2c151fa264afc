// Opaque bearer tokens: 32 random bytes, prefixed so they are recognisable in logs and secret scanners.
// Only a SHA-256 of the token is stored; the token itself is shown once.
import { createHash, randomBytes } from 'node:crypto';

export type TokenPrefix = 'pf_api' | 'pf_ses' | 'pf_ing';

export function generateToken(prefix: TokenPrefix): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
