import { describe, expect, it } from 'vitest';
import { homeFor, parseHash, resolve } from './router.js';

describe('parseHash', () => {
  it('splits the route, its parameters and a query', () => {
    const parsed = parseHash('#/alerts/5f0c?action=ack');
    expect(parsed.id).toBe('alerts');
    expect(parsed.params).toEqual(['5f0c']);
    expect(parsed.query.get('action')).toBe('ack');
  });

  it('decodes parameters and tolerates broken escapes', () => {
    expect(parseHash('#/admin/caf%C3%A9').params).toEqual(['café']);
    expect(parseHash('#/admin/%E0%A4%A').params).toEqual(['%E0%A4%A']);
    expect(parseHash('').id).toBe('');
  });
});

describe('resolve', () => {
  it.each([
    ['#/dashboard', 'crisis', 'dashboard'],
    ['#/dashboard', 'comms', 'dashboard'],
    ['#/dashboard', 'ambassador', null],
    ['#/admin/users', 'admin', 'admin'],
    ['#/admin/users', 'crisis', 'admin'],
    ['#/admin/users', 'comms', null],
    ['#/comms', 'ambassador', null],
    ['#/field', 'ambassador', 'field'],
    ['#/nowhere', 'admin', null],
  ] as const)('%s for %s → %s', (hash, role, expected) => {
    expect(resolve(hash, role).route?.id ?? null).toBe(expected);
  });

  it('sends the alert links of emails to the dashboard with the alert open', () => {
    const where = resolve('#/alerts/abc?action=ack', 'crisis');
    expect(where.route?.id).toBe('dashboard');
    expect(where.params).toEqual(['alert', 'abc']);
    expect(where.query.get('action')).toBe('ack');
  });

  it('gives every role a home page it may open', () => {
    for (const role of ['admin', 'crisis', 'comms', 'ambassador'] as const) {
      expect(resolve(`#/${homeFor(role)}`, role).route).not.toBeNull();
    }
  });
});
