// A real OpenID Connect provider (oidc-provider) inside the test process on a local port: discovery, the
// authorization endpoint with its development login and consent pages, token and userinfo endpoints.
// Any login name signs in at its login page; the accounts below give each name its claims.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount { email?: string; email_verified?: boolean; name?: string; locale?: string; roles?: string[]; groups?: string[] }
export interface TestOidcProvider { issuer: string; clientId: string; clientSecret: string; close(): Promise<void> }

export async function startOidcProvider(options: { redirectUris: string[]; accounts: Record<string, TestAccount> }): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'pilotfish';
  const clientSecret = `secret-${Math.random().toString(36).slice(2)}-do-not-log`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris,
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post',
    }],
    // PKCE for every client, confidential ones included (the default asks it of public clients only).
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'locale', 'roles', 'groups'] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(options.accounts[id] ?? { email: `${id}@idp.example`, email_verified: true }) }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
  });
  server.on('request', provider.callback());
  return {
    issuer, clientId, clientSecret,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A tiny cookie-keeping client that follows the provider's redirects until one leaves for `stopAt`. */
export function browserlessAgent() {
  const jar = new Map<string, Map<string, string>>();
  const cookieHeader = (url: URL) => [...(jar.get(url.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  function keep(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const cookies = jar.get(url.host) ?? new Map<string, string>();
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
      jar.set(url.host, cookies);
    }
  }
  async function request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ url: URL; res: Response }> {
    const target = new URL(url);
    const res = await fetch(target, {
      method: init.method ?? 'GET', redirect: 'manual',
      headers: { cookie: cookieHeader(target), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    keep(target, res);
    return { url: target, res };
  }
  return {
    request,
    /** Follows redirects from `url` (relative ones against the current page) until one points under `stopAt`. */
    async follow(url: string, stopAt: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<{ url: URL; res: Response; leftFor?: URL }> {
      let current = await request(url, init);
      for (let hops = 0; hops < 10; hops += 1) {
        const location = current.res.headers.get('location');
        if (!location || current.res.status < 300 || current.res.status >= 400) return current;
        const next = new URL(location, current.url);
        if (next.href.startsWith(stopAt)) return { ...current, leftFor: next };
        current = await request(next.href);
      }
      throw new Error('too many redirects');
    },
  };
}
