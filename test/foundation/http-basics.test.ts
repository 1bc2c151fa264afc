import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';

let t: TestApp;
let admin: TestUser;
let crisis: TestUser;
const METRICS_TOKEN = 'scrape-token-for-tests';

beforeAll(async () => {
  t = await createTestApp({ 'auth.login_rate_limit_per_minute': 5, 'metrics.token': METRICS_TOKEN });
  admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis');
});
afterAll(async () => t?.close());

describe('health and system routes', () => {
  it('answers /health with ok when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('serves Prometheus metrics only with the configured bearer token', async () => {
    await t.app.inject({ method: 'GET', url: '/health' });
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toMatch(/pilotfish_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/);
  });

  it('publishes an OpenAPI document built from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/login');
    expect(doc.paths['/api/v1/auth/login'].post.requestBody).toBeDefined();
  });

  it('sets security headers with a strict Content-Security-Policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown routes with the JSON error format', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('login', () => {
  it('returns a token and an HttpOnly SameSite session cookie', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: admin.email, password: admin.password } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.token).toMatch(/^pf_ses_/);
    expect(body.user).toMatchObject({ email: admin.email, role: 'admin' });
    expect(body.user).not.toHaveProperty('password_hash');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/pf_session=pf_ses_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.json()).toMatchObject({ id: admin.id, role: 'admin' });
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: crisis.email, password: 'not-the-password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'nobody@example.test', password: 'whatever-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('rate-limits repeated attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.9.9', payload: { email: 'x@example.test', password: 'bad-password' } });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('revokes the session on logout', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.1.1.2', payload: { email: crisis.email, password: crisis.password } });
    const token = login.json().token as string;
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { authorization: `Bearer ${token}` } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(401);
  });
});

describe('role guard and input validation', () => {
  it('401 without credentials, 403 for the wrong role, 201 for the right one', async () => {
    const payload = { email: 'new-user@example.test', name: 'New', role: 'ambassador' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/users', payload })).statusCode).toBe(401);
    const forbidden = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: crisis.auth, payload });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('forbidden');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload });
    expect(created.statusCode).toBe(201);
    expect(created.json().generated_password).toEqual(expect.any(String));
  });

  it('names the field of a wrong type, a missing field and an unknown field', async () => {
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email: 'a@example.test', name: 'A', role: 'pirate' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.field).toBe('role');
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email: 'a@example.test', role: 'comms' } });
    expect(missing.json().error).toMatchObject({ code: 'validation_failed', field: 'name' });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email: 'a@example.test', name: 'A', role: 'comms', isAdmin: true } });
    expect(unknown.json().error).toMatchObject({ code: 'validation_failed', field: 'isAdmin' });
    expect(unknown.json().error.message).toMatch(/isAdmin: unknown field/);
  });

  it('rejects malformed JSON with 400 and oversized bodies with 413', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.1.1.3', headers: { 'content-type': 'application/json' }, payload: '{"email": "x",' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_json');
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { ...admin.auth, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(t.config.http.body_limit_bytes + 10) }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('body_too_large');
  });

  it('refuses cookie-authenticated writes from another origin', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.1.1.4', payload: { email: admin.email, password: admin.password } });
    const cookie = `pf_session=${login.json().token}`;
    const payload = { email: 'csrf@example.test', name: 'C', role: 'comms' };
    const foreign = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie, origin: 'https://evil.example', host: 'localhost:80' }, payload });
    expect(foreign.statusCode).toBe(403);
    const same = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie, origin: 'http://localhost:80', host: 'localhost:80' }, payload });
    expect(same.statusCode).toBe(201);
  });
});
