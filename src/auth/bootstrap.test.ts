import { describe, expect, it } from 'vitest';
import { welcomeBlock } from './bootstrap.js';

describe('welcomeBlock', () => {
  it('gives the address and the generated credentials in one framed block', () => {
    const text = welcomeBlock('http://127.0.0.1:3000', { email: 'admin@pilotfish.local', generatedPassword: 'correct-horse-battery' }, ['Demo users:', '  crisis x@y z']);
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^┌─+$/);
    expect(lines.at(-1)).toMatch(/^└─+$/);
    expect(lines.slice(1, -1).every((l) => l.startsWith('│'))).toBe(true);
    expect(text).toContain('│ Pilotfish is running: open http://127.0.0.1:3000');
    expect(text).toContain('│   email:    admin@pilotfish.local');
    expect(text).toContain('│   password: correct-horse-battery');
    expect(text).toContain('│   crisis x@y z');
  });

  it('does not invent a password the operator chose', () => {
    const text = welcomeBlock('http://localhost:3000', { email: 'ops@example.com', generatedPassword: null });
    expect(text).toContain('password: the one given in ADMIN_PASSWORD');
    expect(text).not.toContain('Shown once');
  });
});
