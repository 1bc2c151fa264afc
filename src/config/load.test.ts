import { describe, expect, it } from 'vitest';
import { ConfigError, envName, loadConfig, publicUrl } from './load.js';

describe('loadConfig', () => {
  it('reads the defaults and freezes the result', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.retention.mentions_days).toBe(90);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.collectors.allow_hosts)).toBe(true);
  });

  it.each([
    [{ PORT: '8080' }, (c: ReturnType<typeof loadConfig>) => c.port, 8080],
    [{ RETENTION_MENTIONS_DAYS: '30' }, (c: ReturnType<typeof loadConfig>) => c.retention.mentions_days, 30],
    [{ DEMO: 'false' }, (c: ReturnType<typeof loadConfig>) => c.demo, false],
    [{ COLLECTORS_ALLOW_HOSTS: '127.0.0.1, feeds.local' }, (c: ReturnType<typeof loadConfig>) => c.collectors.allow_hosts, ['127.0.0.1', 'feeds.local']],
    [{ DATABASE_URL: 'postgres://x@y/z' }, (c: ReturnType<typeof loadConfig>) => c.database_url, 'postgres://x@y/z'],
    [{ AUTH_OIDC_ROLE_MAP: 'pf-admins=admin, staff=ambassador' }, (c: ReturnType<typeof loadConfig>) => c.auth.oidc.role_map, ['pf-admins=admin', 'staff=ambassador']],
  ])('applies environment override %o', (env, pick, expected) => {
    expect(pick(loadConfig(env))).toEqual(expected);
  });

  it.each([
    [{ PORT: 'abc' }, /port \(from environment variable PORT\): must be integer/],
    [{ PORT: '70000' }, /port .*must be <= 65535/],
    [{ DEMO: 'perhaps' }, /demo \(from environment variable DEMO\): must be boolean/],
    [{ LOG_LEVEL: 'loud' }, /log_level/],
    [{ RETENTION_MENTIONS_DAYS: '0' }, /retention\.mentions_days .*RETENTION_MENTIONS_DAYS.*must be >= 1/],
    [{ AUTH_OIDC_ROLE_MAP: 'staff=boss' }, /auth\.oidc\.role_map.*AUTH_OIDC_ROLE_MAP/],
    [{ PUSH_VAPID_PUBLIC_KEY: 'BPublicOnly' }, /set both, or neither/],
    [{ AUTH_OIDC_ISSUER: 'http://idp.example', AUTH_OIDC_CLIENT_ID: 'pf', AUTH_OIDC_DEFAULT_ROLE: 'ambassador' }, /AUTH_OIDC_ISSUER\): must be an https:\/\/ URL/],
    [{ AUTH_OIDC_ISSUER: 'https://idp.example', AUTH_OIDC_DEFAULT_ROLE: 'ambassador' }, /auth\.oidc\.client_id .*required/],
    [{ AUTH_OIDC_ISSUER: 'https://idp.example', AUTH_OIDC_CLIENT_ID: 'pf' }, /auth\.oidc\.role_map .*or set auth\.oidc\.default_role/],
  ])('names the bad key for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses unknown keys in overrides', () => {
    expect(() => loadConfig({}, { 'collectors.bogus': 1 })).toThrow(/unknown key "bogus"/);
  });

  it('maps key paths to environment variable names', () => {
    expect(envName(['retention', 'mentions_days'])).toBe('RETENTION_MENTIONS_DAYS');
    expect(envName(['smtp_url'])).toBe('SMTP_URL');
  });

  it('derives the public URL from host and port unless configured', () => {
    expect(publicUrl(loadConfig({ PORT: '4000' }))).toBe('http://127.0.0.1:4000');
    expect(publicUrl(loadConfig({ HOST: '0.0.0.0' }))).toBe('http://localhost:3000');
    expect(publicUrl(loadConfig({ PUBLIC_URL: 'https://pf.example.com/' }))).toBe('https://pf.example.com');
  });
});
