// Loads config/default.json, applies environment overrides and validates the result once.
// A bad value stops the start with a message naming the key, the environment variable and what was expected.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Value } from 'typebox/value';
import { ConfigSchema, type Config } from './schema.js';

export class ConfigError extends Error {}

const defaultsPath = fileURLToPath(new URL('../../config/default.json', import.meta.url));

type SchemaNode = { type?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode };

/** `port` → PORT, `retention.mentions_days` → RETENTION_MENTIONS_DAYS. */
export function envName(path: string[]): string {
  return path.join('_').toUpperCase();
}

/** Every leaf key of the schema with its path, for env overrides and documentation. */
export function configKeys(node: SchemaNode = ConfigSchema as unknown as SchemaNode, prefix: string[] = []): { path: string[]; node: SchemaNode }[] {
  if (node.type === 'object' && node.properties) {
    return Object.entries(node.properties).flatMap(([key, child]) => configKeys(child, [...prefix, key]));
  }
  return [{ path: prefix, node }];
}

function parseEnvValue(raw: string, node: SchemaNode): unknown {
  if (node.type === 'array') return raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (node.type === 'integer' || node.type === 'number') return raw.trim() === '' ? raw : Number(raw);
  if (node.type === 'boolean') {
    const v = raw.trim().toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'no', 'off'].includes(v)) return false;
    return raw;
  }
  return raw;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

function describeError(error: { instancePath: string; message: string; params?: unknown }, fromEnv: Set<string>): string {
  const path = error.instancePath.split('/').filter(Boolean);
  const key = path.join('.') || '(root)';
  const env = envName(path);
  const source = fromEnv.has(key) ? ` (from environment variable ${env})` : ` (environment variable ${env})`;
  const extra = error.params && typeof error.params === 'object' && 'additionalProperties' in error.params
    ? `: unknown key "${String((error.params as { additionalProperties: unknown }).additionalProperties)}"` : '';
  return `${key}${source}: ${error.message}${extra}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Record<string, unknown> = {}): Readonly<Config> {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(readFileSync(env.PILOTFISH_CONFIG ?? defaultsPath, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError(`cannot read configuration file: ${err instanceof Error ? err.message : String(err)}`);
  }
  const fromEnv = new Set<string>();
  for (const { path, node } of configKeys()) {
    const value = env[envName(path)];
    if (value === undefined) continue;
    setPath(raw, path, parseEnvValue(value, node));
    fromEnv.add(path.join('.'));
  }
  for (const [dotted, value] of Object.entries(overrides)) setPath(raw, dotted.split('.'), value);
  const errors = [...Value.Errors(ConfigSchema, raw)];
  if (errors.length > 0) {
    const lines = errors.slice(0, 5).map((e) => `  - ${describeError(e, fromEnv)}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const problems = crossChecks(raw as Config);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return deepFreeze(raw as Config);
}

/** Rules that tie several keys together, which the schema alone cannot say. */
function crossChecks(config: Config): string[] {
  const problems: string[] = [];
  if (Boolean(config.push.vapid_public_key) !== Boolean(config.push.vapid_private_key)) {
    problems.push('push.vapid_public_key / push.vapid_private_key (environment variables PUSH_VAPID_PUBLIC_KEY, PUSH_VAPID_PRIVATE_KEY): set both, or neither (a pair is then generated and kept in the database)');
  }
  const oidc = config.auth.oidc;
  if (!oidc.issuer) return problems;
  let issuer: URL | null = null;
  try { issuer = new URL(oidc.issuer); } catch { problems.push('auth.oidc.issuer (environment variable AUTH_OIDC_ISSUER): must be a URL'); }
  if (issuer && issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && oidc.allow_http)) {
    problems.push('auth.oidc.issuer (environment variable AUTH_OIDC_ISSUER): must be an https:// URL (http:// only with auth.oidc.allow_http)');
  }
  if (!oidc.client_id) problems.push('auth.oidc.client_id (environment variable AUTH_OIDC_CLIENT_ID): required when auth.oidc.issuer is set');
  if (oidc.redirect_uri) {
    try { new URL(oidc.redirect_uri); } catch { problems.push('auth.oidc.redirect_uri (environment variable AUTH_OIDC_REDIRECT_URI): must be a URL'); }
  }
  if (oidc.role_map.length === 0 && !oidc.default_role) {
    problems.push('auth.oidc.role_map (environment variable AUTH_OIDC_ROLE_MAP): map at least one claim value to a role, or set auth.oidc.default_role');
  }
  return problems;
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export function publicUrl(config: Config): string {
  if (config.public_url) return config.public_url.replace(/\/+$/, '');
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host}:${config.port}`;
}
