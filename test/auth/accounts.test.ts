// Everyday account rules: the last active administrator cannot be disabled or demoted (nobody could manage
// users after that); people change their own password, and a generated one must be replaced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, uniqueEmail, type TestApp, type TestUser } from '../support/app.js';

let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, 'admin');
});
afterAll(async () => t?.close());

const patch = (who: TestUser, id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: who.auth, payload });
const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

describe('the last active administrator', () => {
  it('cannot disable or demote themselves (409 with a message); with a second admin they can', async () => {
    for (const body of [{ disabled: true }, { role: 'crisis' }]) {
      const res = await patch(admin, admin.id, body);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error).toMatchObject({ code: 'last_admin', message: expect.stringMatching(/last active administrator/) });
    }
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: admin.auth })).json();
    expect(me.role).toBe('admin');

    const second = await createUser(t, 'admin');
    expect((await patch(admin, second.id, { role: 'comms' })).statusCode).toBe(200);
    expect((await patch(admin, admin.id, { disabled: true })).statusCode).toBe(409); // the demoted one no longer counts
    expect((await patch(admin, second.id, { role: 'admin' })).statusCode).toBe(200);
    const demoted = await patch(admin, admin.id, { role: 'crisis' });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect((await patch(second, second.id, { disabled: true })).statusCode).toBe(409);
    expect((await patch(second, admin.id, { role: 'admin' })).statusCode).toBe(200);
  });
});

describe('passwords', () => {
  it('a user created without a password must change the generated one; the change works and ends other sessions', async () => {
    const email = uniqueEmail('gen');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.auth, payload: { email, name: 'Gene Rated', role: 'crisis' } });
    expect(created.statusCode, created.body).toBe(201);
    const generated = created.json().generated_password as string;
    expect(created.json().user.must_change_password).toBe(true);

    const first = await login(email, generated);
    expect(first.statusCode).toBe(200);
    expect(first.json().user.must_change_password).toBe(true);
    const auth = { authorization: `Bearer ${first.json().token}` };
    const other = { authorization: `Bearer ${(await login(email, generated)).json().token}` };

    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth, payload: { current_password: 'not-it-at-all', new_password: 'a brand new passphrase' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ field: 'current_password' });
    const short = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth, payload: { current_password: generated, new_password: 'short' } });
    expect(short.statusCode).toBe(400);

    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: auth, payload: { current_password: generated, new_password: 'a brand new passphrase' } });
    expect(changed.statusCode, changed.body).toBe(204);
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth })).json();
    expect(me.must_change_password).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: other })).statusCode).toBe(401);
    expect((await login(email, generated)).statusCode).toBe(401);
    expect((await login(email, 'a brand new passphrase')).statusCode).toBe(200);
  });
});
