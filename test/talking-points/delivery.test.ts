// End to end over real sockets: publishing a point reaches its audience on the websocket stream and by
// email through a real SMTP server (the outbox worker delivers after commit); a new version does both
// again; people outside the audience get neither.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { listen, openStream, waitUntil, type StreamClient } from '../support/live.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { advance, call, draft, tp } from './support.js';

let smtp: TestSmtpServer;
let t: TestApp;
let base: string;
let crisis: TestUser;
let comms: TestUser;
let comms2: TestUser;
let amelie: TestUser;
let brian: TestUser;
let outsider: TestUser;
let groupId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ public_url: 'https://pilotfish.example' }, { SMTP_URL: smtp.url });
  base = await listen(t.app);
  const admin = await createUser(t, 'admin');
  crisis = await createUser(t, 'crisis');
  comms = await createUser(t, 'comms');
  comms2 = await createUser(t, 'comms');
  amelie = await createUser(t, 'ambassador', { name: 'Amélie', lang: 'fr' });
  brian = await createUser(t, 'ambassador', { name: 'Brian', lang: 'en' });
  outsider = await createUser(t, 'ambassador', { name: 'Olga' });
  groupId = (await call(t, admin, 'POST', '/api/v1/groups', { name: 'Siège', kind: 'department' })).body.id;
  await call(t, admin, 'POST', `/api/v1/groups/${groupId}/members`, { user_ids: [amelie.id, brian.id] });
});
afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

/** Emails arrive at once for flagged recipients, at the next outbox tick for the others: tick until they are in. */
async function mailsTo(count: number) {
  return waitUntil(async () => {
    await t.services.outbox.tick();
    return smtp.messages.length >= count ? smtp.messages : null;
  }, 10_000, 250);
}

describe('distribution over a real websocket and SMTP server', () => {
  let streams: Record<string, StreamClient>;
  beforeAll(async () => {
    streams = {
      amelie: await openStream(base, amelie.token),
      brian: await openStream(base, brian.token, { via: 'query' }),
      outsider: await openStream(base, outsider.token),
      comms: await openStream(base, comms.token),
    };
  });
  afterAll(async () => {
    for (const s of Object.values(streams ?? {})) await s.close();
  });

  it('pushes the published point to its audience and the comms team, and emails each recipient in their language', async () => {
    const point = await draft(t, crisis, {
      title: 'Rappel de trois lots', body: 'Par précaution, trois lots sont rappelés.\n\nLes clients sont remboursés.',
      variants: { en: { title: 'Three batches recalled', body: 'As a precaution, three batches are recalled.' } },
      shareable: true, suggested_posts: [{ network: 'linkedin', text: 'Trois lots rappelés par précaution.' }],
      audience: { group_ids: [groupId] },
    });
    await advance(t, point.id, crisis, comms, 'published');

    const forAmelie = await streams.amelie!.waitFor((m) => m.type === 'talking_point.published' && m.data.id === point.id);
    expect(forAmelie.data).toMatchObject({ status: 'published', title: 'Rappel de trois lots', version: 1, shareable: true });
    await streams.brian!.waitFor((m) => m.type === 'talking_point.published' && m.data.id === point.id);
    await streams.comms!.waitFor((m) => m.type === 'talking_point.published' && m.data.id === point.id);

    const mails = await mailsTo(2);
    expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual([amelie.email, brian.email].sort());
    const fr = mails.find((m) => m.envelope.to[0] === amelie.email)!;
    const en = mails.find((m) => m.envelope.to[0] === brian.email)!;
    expect(fr.subject).toContain('Rappel de trois lots');
    expect(en.subject).toContain('Three batches recalled');
    expect(fr.text).toContain(`https://pilotfish.example/#/talking-points/${point.id}`);
    expect(fr.text).toContain('Trois lots rappelés par précaution.');
    // The outbox records "sent" just after the mail server accepted the message.
    const rows = await waitUntil(async () => {
      const r = await t.db.database.db.selectFrom('notifications').select('status').where('talking_point_id', '=', point.id).execute();
      return r.every((n) => n.status === 'sent') ? r : null;
    });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);

    // Reading is confirmed over HTTP and counted.
    await call(t, brian, 'POST', tp(point.id, 'ack'));
    expect((await call(t, comms, 'GET', tp(point.id, 'receipts'))).body).toMatchObject({ sent: 2, read: 1, unread: 1 });

    // A new version supersedes it and notifies everyone again.
    const v2 = (await call(t, comms2, 'PATCH', tp(point.id), { body: 'Par précaution, quatre lots sont rappelés.' })).body;
    await advance(t, v2.id, comms2, comms, 'published');
    const again = await streams.amelie!.waitFor((m) => m.type === 'talking_point.published' && m.data.id === v2.id);
    expect(again.data).toMatchObject({ version: 2, lineage_id: point.lineage_id });
    await streams.brian!.waitFor((m) => m.type === 'talking_point.published' && m.data.id === v2.id);
    const all = await mailsTo(4);
    const second = all.slice(2);
    expect(second.map((m) => m.envelope.to[0]).sort()).toEqual([amelie.email, brian.email].sort());
    expect(second.every((m) => /v2/.test(m.subject))).toBe(true);
    expect((await call(t, comms, 'GET', tp(v2.id, 'receipts'))).body).toMatchObject({ sent: 2, read: 0, unread: 2 });

    // Someone outside the audience got neither the events nor an email.
    expect(streams.outsider!.messages.filter((m) => m.type === 'talking_point.published')).toEqual([]);
    expect(smtp.messages.some((m) => m.envelope.to.includes(outsider.email))).toBe(false);
  });
});
