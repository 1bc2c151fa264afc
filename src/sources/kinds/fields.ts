// Small readers for a source's `config` object: each returns the checked value or throws a 400 that names
// the field (`config.query`), so every kind reports bad input the same way.
import { badRequest } from '../../shared/errors.js';
import type { SourceSecrets } from '../secrets.js';

type Cfg = Record<string, unknown>;

export function optionalString(cfg: Cfg, key: string, max = 500): string | undefined {
  const v = cfg[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw badRequest(`config.${key}`, 'must be a string');
  const trimmed = v.trim();
  if (trimmed.length > max) throw badRequest(`config.${key}`, `must be at most ${max} characters`);
  return trimmed || undefined;
}

export function requiredString(cfg: Cfg, key: string, max = 500): string {
  const v = optionalString(cfg, key, max);
  if (v === undefined) throw badRequest(`config.${key}`, 'is required');
  return v;
}

export function optionalStringList(cfg: Cfg, key: string, pattern: RegExp, maxItems = 50): string[] | undefined {
  const v = cfg[key];
  if (v === undefined || v === null) return undefined;
  const list = typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v;
  if (!Array.isArray(list) || list.length > maxItems) throw badRequest(`config.${key}`, `must be a list of at most ${maxItems} names`);
  return list.map((item, i) => {
    if (typeof item !== 'string' || !pattern.test(item)) throw badRequest(`config.${key}[${i}]`, `must match ${pattern.source}`);
    return item;
  });
}

/** Refuses config keys the kind does not know, so a typo is a 400 rather than a silently ignored option. */
export function onlyKeys(cfg: Cfg, allowed: readonly string[], prefix = 'config.'): void {
  for (const key of Object.keys(cfg)) if (!allowed.includes(key)) throw badRequest(`${prefix}${key}`, `unknown option (allowed: ${allowed.join(', ') || 'none'})`);
}

/**
 * A secret field: a new value replaces the stored one, `null` or "" clears it, absence keeps it.
 * Secrets never stay in `config`.
 */
export function secretField(cfg: Cfg, key: string, previous: SourceSecrets, out: SourceSecrets, max = 2000): void {
  const v = cfg[key];
  if (v === undefined) {
    if (previous[key] !== undefined) out[key] = previous[key];
    return;
  }
  if (v === null || v === '') return;
  if (typeof v !== 'string') throw badRequest(`config.${key}`, 'must be a string');
  if (v.length > max) throw badRequest(`config.${key}`, `must be at most ${max} characters`);
  out[key] = v;
}

export function withoutKeys(cfg: Cfg, keys: readonly string[]): Cfg {
  return Object.fromEntries(Object.entries(cfg).filter(([k, v]) => !keys.includes(k) && v !== undefined));
}
