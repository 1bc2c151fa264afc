import { describe, expect, it } from 'vitest';
import { claimAt, claimValues, mapIdentity, mapRole, type ClaimRules } from './claims.js';

const rules: ClaimRules = { roleClaim: 'roles', roleMap: ['pf-admins=admin', 'pf-crisis=crisis', 'staff=ambassador'], defaultRole: '', groupsClaim: 'groups' };

describe('claim mapping', () => {
  it.each([
    [{ roles: ['staff', 'pf-crisis'] }, rules, 'crisis'], // role_map order decides, not the claim's
    [{ roles: 'pf-admins' }, rules, 'admin'],
    [{ roles: 'staff pf-admins' }, rules, 'admin'],
    [{ roles: ['other'] }, rules, null],
    [{}, rules, null],
    [{ roles: ['other'] }, { ...rules, defaultRole: 'ambassador' as const }, 'ambassador'],
    [{ realm_access: { roles: ['pf-crisis'] } }, { ...rules, roleClaim: 'realm_access.roles' }, 'crisis'],
    [{ 'https://corp/roles': ['pf-crisis'] }, { ...rules, roleClaim: 'https://corp/roles' }, 'crisis'],
  ])('maps %o to a role', (claims, r, expected) => {
    expect(mapRole(claims, r)).toBe(expected);
  });

  it('reads nested and list claims', () => {
    expect(claimAt({ a: { b: ['x'] } }, 'a.b')).toEqual(['x']);
    expect(claimValues(['a', 3, ' b ', ''])).toEqual(['a', 'b']);
    expect(claimValues(42)).toEqual([]);
  });

  it('builds the identity: email lower-cased, name, language from locale, groups without Keycloak slashes', () => {
    const r = mapIdentity({ sub: 's1', email: 'Ana@Corp.Example', email_verified: true, given_name: 'Ana', family_name: 'Lopez', locale: 'en-GB', roles: ['staff'], groups: ['/Paris', 'Paris', 'Sales'] }, rules);
    expect(r).toEqual({ ok: true, identity: { subject: 's1', email: 'ana@corp.example', name: 'Ana Lopez', lang: 'en', role: 'ambassador', groups: ['Paris', 'Sales'] } });
  });

  it.each([
    [{ sub: 's', roles: ['staff'] }, 'no_email'],
    [{ sub: 's', email: 'a@b.example', email_verified: false, roles: ['staff'] }, 'email_unverified'],
    [{ sub: 's', email: 'a@b.example', roles: ['nobody'] }, 'no_role'],
  ])('refuses %o', (claims, reason) => {
    const r = mapIdentity(claims, rules);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe(reason);
  });
});
