// Single sign-on against a real OpenID Connect provider (oidc-provider) running in this process: the
// authorization code flow with PKCE, state and nonce, driven over HTTP through the provider's own login and
// consent pages. Roles and groups come from the claims as configured; replayed, expired or foreign
// callbacks, unmapped roles and disabled users are refused with a clear 4xx; the client secret never
// reaches the logs.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/shared/actor.js';
import { createTestApp, createUser, type TestApp } from '../support/app.js';
import { browserlessAgent, startOidcProvider, type TestAccount, type TestOidcProvider } from '../support/oidc-provider.js';

const REDIRECT = 'http://pilotfish.test/api/v1/auth/oidc/callback';
const accounts: Record<string, TestAccount> = {
  carla: { email: 'Carla@Corp.Example', email_verified: true, name: 'Carla Crise', locale: 'en-GB', roles: ['staff', 'pf-crisis'], groups: ['/Paris', 'Press office'] },
  olga: { email: 'olga@corp.example', email_verified: true, name: 'Olga Outsider', roles: ['contractors'] },
  dora: { email: 'dora@corp.example', email_verified: true, name: 'Dora Disabled', roles: ['staff'] },
};

let provider: TestOidcProvider;
let t: TestApp;
let logs = '';

beforeAll(async () => {
  provider = await startOidcProvider({ redirectUris: [REDIRECT], accounts });
  const logStream = new Writable({ write(chunk, _enc, done) { logs += String(chunk); done(); } });
  t = await createTestApp({}, {
    AUTH_OIDC_ISSUER: provider.issuer, AUTH_OIDC_CLIENT_ID: provider.clientId, AUTH_OIDC_CLIENT_SECRET: provider.clientSecret,
    AUTH_OIDC_ALLOW_HTTP: 'true', AUTH_OIDC_REDIRECT_URI: REDIRECT, AUTH_OIDC_SCOPES: 'openid,email,profile',
    AUTH_OIDC_ROLE_MAP: 'pf-admins=admin,pf-crisis=crisis,staff=ambassador', AUTH_OIDC_GROUPS_CLAIM: 'groups', LOG_LEVEL: 'debug',
  }, { logStream });
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

const formAction = (html: string) => new URL(/<form[^>]*action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&'), provider.issuer).href;

/** Starts at Pilotfish, signs in at the provider as `login`, and returns the callback it sends back. */
async function throughProvider(login: string): Promise<{ callback: URL; stateCookie: string; authorizeUrl: URL }> {
  const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
  expect(start.statusCode, start.body).toBe(302);
  const authorizeUrl = new URL(start.headers.location as string);
  const stateCookie = start.cookies.find((c) => c.name === 'pf_oidc_state')!;
  expect(stateCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc' });
  const agent = browserlessAgent();
  const loginPage = await agent.follow(authorizeUrl.href, REDIRECT);
  const loginHtml = await loginPage.res.text();
  expect(loginHtml).toContain('name="login"');
  const consentPage = await agent.follow(formAction(loginHtml), REDIRECT, { method: 'POST', form: { prompt: 'login', login, password: 'anything' } });
  const consentHtml = await consentPage.res.text();
  expect(consentHtml).toContain('value="consent"');
  const back = await agent.follow(formAction(consentHtml), REDIRECT, { method: 'POST', form: { prompt: 'consent' } });
  expect(back.leftFor, 'the provider sends the browser back to Pilotfish').toBeDefined();
  return { callback: back.leftFor!, stateCookie: stateCookie.value, authorizeUrl };
}

const callback = (url: URL, stateCookie: string | null, accept = 'application/json') =>
  t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { accept, ...(stateCookie ? { cookie: `pf_oidc_state=${stateCookie}` } : {}) } });

async function me(sessionCookie: string) {
  return t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { pf_session: sessionCookie } });
}

describe('single sign-on (authorization code + PKCE)', () => {
  it('says it is offered, so the login page shows its button', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/sso' })).json()).toEqual({ enabled: true });
  });

  it('signs a new user in: PKCE S256, state and nonce sent; user created with the mapped role and groups; a second sign-in updates the same user', async () => {
    const { callback: back, stateCookie, authorizeUrl } = await throughProvider('carla');
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorizeUrl.searchParams.get('nonce')).toBeTruthy();
    expect(authorizeUrl.searchParams.get('state')).toBe(stateCookie);
    expect(authorizeUrl.searchParams.get('scope')).toBe('openid email profile');
    expect(back.searchParams.get('code')).toBeTruthy();

    const res = await callback(back, stateCookie);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/');
    const session = res.cookies.find((c) => c.name === 'pf_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const user = (await me(session.value)).json();
    expect(user).toMatchObject({ email: 'carla@corp.example', name: 'Carla Crise', role: 'crisis', lang: 'en' });
    const groups = await t.db.database.db.selectFrom('group_members as gm').innerJoin('groups as g', 'g.id', 'gm.group_id').select('g.name').where('gm.user_id', '=', user.id).orderBy('g.name').execute();
    expect(groups.map((g) => g.name)).toEqual(['Paris', 'Press office']);
    // The crisis role opens what crisis users may see, and only that.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/alerts?status=open', cookies: { pf_session: session.value } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/invitations', cookies: { pf_session: session.value } })).statusCode).toBe(403);

    accounts.carla!.roles = ['pf-admins'];
    const again = await throughProvider('carla');
    const second = await callback(again.callback, again.stateCookie);
    expect(second.statusCode, second.body).toBe(302);
    const promoted = (await me(second.cookies.find((c) => c.name === 'pf_session')!.value)).json();
    expect(promoted).toMatchObject({ id: user.id, role: 'admin' });

    // Claims that would demote the last active administrator leave the admin role in place.
    accounts.carla!.roles = ['staff', 'pf-crisis'];
    const third = await throughProvider('carla');
    const kept = await callback(third.callback, third.stateCookie);
    expect(kept.statusCode, kept.body).toBe(302);
    expect((await me(kept.cookies.find((c) => c.name === 'pf_session')!.value)).json()).toMatchObject({ id: user.id, role: 'admin' });
  });

  it('refuses a replayed callback, an expired request and a callback from another browser with 400 invalid_state', async () => {
    const first = await throughProvider('carla');
    expect((await callback(first.callback, first.stateCookie)).statusCode).toBe(302);
    const replay = await callback(first.callback, first.stateCookie);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error).toMatchObject({ code: 'invalid_state', field: 'state', message: expect.stringMatching(/already used or has expired/) });

    const late = await throughProvider('carla');
    await t.db.database.db.updateTable('oidc_requests').set({ expires_at: new Date(Date.now() - 1000) }).where('state', '=', late.stateCookie).execute();
    const expired = await callback(late.callback, late.stateCookie);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.code).toBe('invalid_state');

    const foreign = await throughProvider('carla');
    const noCookie = await callback(foreign.callback, null);
    expect(noCookie.statusCode).toBe(400);
    expect(noCookie.json().error.message).toMatch(/started in another browser/);
    // Refused once, the request is gone: even the right browser cannot use it afterwards.
    expect((await callback(foreign.callback, foreign.stateCookie)).statusCode).toBe(400);

    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=abc' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'invalid_state', field: 'state' });
  });

  it('refuses a user whose claims map to no role, with the reason (a page for a browser), and creates nothing', async () => {
    const { callback: back, stateCookie } = await throughProvider('olga');
    const res = await callback(back, stateCookie, 'text/html,application/xhtml+xml');
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/gives you no Pilotfish role \(claim &#34;roles&#34;\)/);
    expect(res.cookies.find((c) => c.name === 'pf_session')).toBeUndefined();
    expect(await t.db.database.db.selectFrom('users').select('id').where('email', '=', 'olga@corp.example').executeTakeFirst()).toBeUndefined();
  });

  it('refuses a disabled user with 403, and password login stays available to others', async () => {
    const { user } = await t.services.auth.createUser(CLI_ACTOR, { email: 'dora@corp.example', name: 'Dora', role: 'ambassador', password: 'correct-horse-battery-staple-9' });
    await createUser(t, 'admin'); // so that disabling is not refused as the last admin
    await t.services.auth.updateUser(CLI_ACTOR, user.id, { disabled: true });
    const { callback: back, stateCookie } = await throughProvider('dora');
    const res = await callback(back, stateCookie);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'account_disabled' });

    const crisis = await createUser(t, 'crisis');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: crisis.email, password: crisis.password } })).statusCode).toBe(200);
  });

  it('never logs the client secret, a code or a session', async () => {
    expect(logs).toContain('signed in with SSO');
    expect(logs).not.toContain(provider.clientSecret);
    expect(logs).not.toMatch(/pf_ses_[A-Za-z0-9_-]{20}/);
    expect(logs).not.toMatch(/code=[A-Za-z0-9_-]{20}/);
  });
});

describe('without single sign-on configured', () => {
  let plain: TestApp;
  beforeAll(async () => { plain = await createTestApp(); });
  afterAll(async () => plain?.close());

  it('offers no SSO button and answers 404 on its routes', async () => {
    expect((await plain.app.inject({ method: 'GET', url: '/api/v1/auth/sso' })).json()).toEqual({ enabled: false });
    expect((await plain.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' })).statusCode).toBe(404);
    expect((await plain.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?state=x&code=y' })).statusCode).toBe(404);
  });
});
