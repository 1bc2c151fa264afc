// Invitations by email (one by one and from a CSV with a per-row report), sent through a real SMTP server
// in the test; one-time sign-in links (single use, expiring by the injected clock); deactivation ends
// every session at once.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvitationsService } from '../../src/invitations/service.js';
import { createMailer } from '../../src/notify/index.js';
import { manualClock } from '../../src/shared/clock.js';
import { CLI_ACTOR } from '../../src/shared/actor.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { call } from '../talking-points/support.js';

const linkIn = (text: string) => /#\/link\/([A-Za-z0-9_-]+)/.exec(text.replace(/=\r?\n/g, ''))?.[1];

describe('invitations', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let admin: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({}, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://pilotfish.example' });
    admin = await createUser(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('invites one person by email; the link signs in once, and deactivation ends every session', async () => {
    const res = await call(t, admin, 'POST', '/api/v1/invitations', { email: 'Ines.Terrain@Example.com', name: 'Inès Terrain', language: 'fr', groups: ['Lyon'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ user: { email: 'ines.terrain@example.com', role: 'ambassador', lang: 'fr' }, email_sent: true });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(['ines.terrain@example.com']);
    expect(mail!.subject).toMatch(/invité·e/);
    const token = linkIn(mail!.text ?? '')!;
    expect(mail!.text).toContain(`https://pilotfish.example/#/link/${token}`);

    const first = await t.app.inject({ method: 'POST', url: '/api/v1/auth/link', payload: { token } });
    expect(first.statusCode).toBe(200);
    expect(first.json().user.email).toBe('ines.terrain@example.com');
    const cookie = first.headers['set-cookie'] as string;
    expect(cookie).toMatch(/pf_session=.*HttpOnly/i);
    const session = { authorization: `Bearer ${first.json().token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session })).statusCode).toBe(200);
    // Replayed: refused, with the reason a person can act on.
    const replay = await t.app.inject({ method: 'POST', url: '/api/v1/auth/link', payload: { token } });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.message).toMatch(/already used or has expired/);
    // The group was created and joined.
    const groups = await t.db.database.db.selectFrom('groups as g').innerJoin('group_members as m', 'm.group_id', 'g.id').select('g.name').where('m.user_id', '=', res.body.user.id).execute();
    expect(groups.map((g) => g.name)).toEqual(['Lyon']);

    // A second device, then deactivation: both sessions stop working at once.
    const other = await t.services.auth.createApiToken(CLI_ACTOR, 'ines.terrain@example.com');
    const off = await call(t, admin, 'PATCH', `/api/v1/users/${res.body.user.id}`, { disabled: true });
    expect(off.status).toBe(200);
    for (const auth of [session, { authorization: `Bearer ${other.token}` }]) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: auth })).statusCode).toBe(401);
    }
  });

  it('imports a CSV: hundreds of rows, with a report of each refused row and nothing half-created', { timeout: 240_000 }, async () => {
    const before = smtp.messages.length;
    const good = Array.from({ length: 300 }, (_, i) => `amb${i}@corp.example,Ambassador ${i},${i % 2 ? 'en' : 'fr'},Paris|Sales`);
    const csv = ['email,name,language,groups', ...good,
      'amb1@corp.example,Duplicate,fr,Paris', // duplicate of an earlier row
      'not-an-email,Bad Email,fr,', // invalid email
      'admin-like@corp.example,,fr,', // no name
      'lang@corp.example,Lang,de,', // language not supported
      'short@corp.example,Too few', // wrong number of columns
      `${admin.email},Already there,en,`, // an existing account
    ].join('\n');
    const res = await call(t, admin, 'POST', '/api/v1/invitations/import', { csv });
    expect(res.status).toBe(200);
    expect(res.body.invited).toBe(300);
    expect(res.body.rows).toBe(306);
    const reasons = Object.fromEntries(res.body.refused.map((r: { row: number; reason: string }) => [r.row, r.reason]));
    expect(reasons).toEqual({
      302: 'duplicate of row 3',
      303: expect.stringMatching(/^email: must be a valid email address/),
      304: expect.stringMatching(/^name:/),
      305: expect.stringMatching(/^language: must be fr or en/),
      306: 'expected 4 columns, found 2',
      307: expect.stringMatching(/^email: a user with this email already exists/),
    });
    expect(res.body.not_emailed).toEqual([]);
    await smtp.waitFor(before + 300, 120_000);
    const db = t.db.database.db;
    // Refused rows left no user behind.
    expect(await db.selectFrom('users').select('id').where('email', 'in', ['lang@corp.example', 'short@corp.example', 'admin-like@corp.example']).execute()).toEqual([]);
    const sales = await db.selectFrom('groups as g').innerJoin('group_members as m', 'm.group_id', 'g.id').select((eb) => eb.fn.countAll<string>().as('n')).where('g.name', '=', 'Sales').executeTakeFirstOrThrow();
    expect(Number(sales.n)).toBe(300);
  });

  it('refuses a CSV with the wrong columns or a broken quote as a whole, saying why', async () => {
    const wrong = await call(t, admin, 'POST', '/api/v1/invitations/import', { csv: 'mail,full name\nx@corp.example,X' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/missing: email, name; unknown: mail, full name/);
    const broken = await call(t, admin, 'POST', '/api/v1/invitations/import', { csv: 'email,name\n"x@corp.example,X\n' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/never closed/);
    const ambassador = await createUser(t, 'ambassador');
    expect((await call(t, ambassador, 'POST', '/api/v1/invitations', { email: 'x@corp.example', name: 'X' })).status).toBe(403);
  });

  it('lists pending invitations; a resend replaces the link, a revoke ends it and frees the address', async () => {
    const before = smtp.messages.length;
    const res = await call(t, admin, 'POST', '/api/v1/invitations', { email: 'pending.person@corp.example', name: 'Pending Person', groups: ['Nantes'] });
    expect(res.status).toBe(201);
    const id = res.body.user.id as string;
    const firstToken = linkIn((await smtp.waitFor(before + 1))[before]!.text ?? '')!;

    const listed = await call(t, admin, 'GET', '/api/v1/invitations');
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((p: { id: string }) => p.id === id)).toMatchObject({ email: 'pending.person@corp.example', name: 'Pending Person', groups: ['Nantes'], expired: false });

    const resent = await call(t, admin, 'POST', `/api/v1/invitations/${id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ email_sent: true });
    const secondToken = linkIn((await smtp.waitFor(before + 2))[before + 1]!.text ?? '')!;
    expect(secondToken).not.toBe(firstToken);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/link', payload: { token: firstToken } })).statusCode).toBe(401);

    const revoked = await call(t, admin, 'DELETE', `/api/v1/invitations/${id}`);
    expect(revoked.status).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/link', payload: { token: secondToken } })).statusCode).toBe(401);
    expect((await call(t, admin, 'GET', '/api/v1/invitations')).body.items.some((p: { id: string }) => p.id === id)).toBe(false);
    expect((await call(t, admin, 'DELETE', `/api/v1/invitations/${id}`)).status).toBe(404);
    // The address can be invited again.
    expect((await call(t, admin, 'POST', '/api/v1/invitations', { email: 'pending.person@corp.example', name: 'Pending Person' })).status).toBe(201);

    // Someone who signed in is no longer pending: neither resent nor revoked.
    const accepted = await call(t, admin, 'POST', '/api/v1/invitations', { email: 'accepted.person@corp.example', name: 'Accepted Person' });
    const token = linkIn((await smtp.waitFor(before + 4))[before + 3]!.text ?? '')!;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/link', payload: { token } })).statusCode).toBe(200);
    expect((await call(t, admin, 'POST', `/api/v1/invitations/${accepted.body.user.id}/resend`)).status).toBe(404);
    expect((await call(t, admin, 'DELETE', `/api/v1/invitations/${accepted.body.user.id}`)).status).toBe(404);
    const ambassador = await createUser(t, 'ambassador');
    expect((await call(t, ambassador, 'GET', '/api/v1/invitations')).status).toBe(403);
  });

  it('lets a link expire by the clock', async () => {
    const clock = manualClock(Date.now());
    const service = createInvitationsService({
      db: t.db.database.db, logger: pino({ level: 'silent' }), clock, mailer: createMailer({ smtpUrl: smtp.url, from: 'pf@example.test' }),
      baseUrl: 'https://pilotfish.example', linkTtlHours: 72, sessionTtlHours: 12, maxRows: 10,
    });
    const before = smtp.messages.length;
    await service.invite(CLI_ACTOR, { email: 'late@corp.example', name: 'Late' });
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    const token = linkIn(mail!.text ?? '')!;
    clock.advance(72 * 3600_000 + 1000);
    await expect(service.consume(token)).rejects.toThrow(/expired/);
  });
});
