// Pure: from the provider's claims to a Pilotfish identity (email, name, language, role, groups), as the
// configuration says. No I/O; the table-driven tests beside it cover each rule.
import { ROLES, type Role } from '../../contract/enums.js';

export interface ClaimRules {
  roleClaim: string;
  /** "claim value=role" entries, in order: the first one the user's values match wins. */
  roleMap: readonly string[];
  defaultRole: Role | '';
  groupsClaim: string;
}

export interface MappedIdentity { subject: string; email: string; name: string; lang: 'fr' | 'en'; role: Role; groups: string[] }
export type MappingResult = { ok: true; identity: MappedIdentity } | { ok: false; reason: 'no_email' | 'email_unverified' | 'no_role'; message: string };

type Claims = Record<string, unknown>;

/** `realm_access.roles` reaches into nested objects (Keycloak puts realm roles there). */
export function claimAt(claims: Claims, path: string): unknown {
  if (path in claims) return claims[path];
  let node: unknown = claims;
  for (const key of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Claims)[key];
  }
  return node;
}

/** A claim as a list of strings: a string is one value (or space/comma-separated values), a list is kept. */
export function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return [];
}

export function parseRoleMap(entries: readonly string[]): { value: string; role: Role }[] {
  return entries.map((entry) => {
    const at = entry.lastIndexOf('=');
    const role = entry.slice(at + 1).trim() as Role;
    if (at <= 0 || !ROLES.includes(role)) throw new Error(`role_map entry "${entry}" is not "claim value=role"`);
    return { value: entry.slice(0, at).trim(), role };
  });
}

export function mapRole(claims: Claims, rules: ClaimRules): Role | null {
  const values = new Set(claimValues(claimAt(claims, rules.roleClaim)));
  const hit = parseRoleMap(rules.roleMap).find((m) => values.has(m.value));
  return hit?.role ?? (rules.defaultRole || null);
}

function language(claims: Claims): 'fr' | 'en' {
  const locale = typeof claims.locale === 'string' ? claims.locale.toLowerCase() : '';
  return locale.startsWith('en') ? 'en' : 'fr';
}

export function mapIdentity(claims: Claims, rules: ClaimRules): MappingResult {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email) return { ok: false, reason: 'no_email', message: 'the identity provider did not share your email address (scope "email")' };
  // An unverified address could name someone else's account here: never sign in with it.
  if (claims.email_verified === false) return { ok: false, reason: 'email_unverified', message: 'your email address is not verified at the identity provider' };
  const role = mapRole(claims, rules);
  if (!role) {
    return { ok: false, reason: 'no_role', message: `your account at the identity provider gives you no Pilotfish role (claim "${rules.roleClaim}"): ask an administrator for access` };
  }
  const rawName = [claims.name, [claims.given_name, claims.family_name].filter((x) => typeof x === 'string').join(' '), claims.preferred_username]
    .find((x): x is string => typeof x === 'string' && x.trim() !== '');
  const groups = rules.groupsClaim ? [...new Set(claimValues(claimAt(claims, rules.groupsClaim)).map((g) => g.replace(/^\//, '').slice(0, 200)))].filter(Boolean) : [];
  return { ok: true, identity: { subject: String(claims.sub), email, name: (rawName ?? email.split('@')[0]!).trim().slice(0, 200), lang: language(claims), role, groups } };
}
