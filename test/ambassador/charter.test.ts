// The ambassador charter and training on a real database: who may publish, the gate on reporting and
// sharing (only once a charter exists), acceptance per version, server-side grading, and the report
// comms reads per ambassador and group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { call } from '../talking-points/support.js';

const CHARTER = { body_fr: '# Charte\n\nJe signale, je ne réponds pas.', body_en: '# Charter\n\nI report, I do not reply.', card_fr: '- Faire : signaler', card_en: '- Do: report' };
const QUIZ = {
  title: 'Reporting 101', lang: 'en', body: 'Report first.',
  questions: [
    { question: 'Reply to an angry post?', choices: ['Yes', 'No, report it'], answer: 1 },
    { question: 'Share internal figures?', choices: ['Never', 'Sometimes'], answer: 0 },
  ],
};

describe('ambassador charter and training', () => {
  let t: TestApp;
  let admin: TestUser;
  let comms: TestUser;
  let crisis: TestUser;
  let amb: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, comms, crisis, amb, other] = await Promise.all([
      createUser(t, 'admin'), createUser(t, 'comms'), createUser(t, 'crisis'), createUser(t, 'ambassador', { name: 'Alice Amb' }), createUser(t, 'ambassador', { name: 'Bob Amb' }),
    ]);
  }, 180_000);
  afterAll(async () => { await t?.close(); });

  const signal = (u: TestUser) => call(t, u, 'POST', '/api/v1/signals', { text: 'A worrying post', severity: 'low' });

  it('has no gate before any charter is published', async () => {
    const state = await call(t, amb, 'GET', '/api/v1/charter');
    expect(state.body).toEqual({ charter: null, accepted_version: null, must_accept: false, incident_open: false });
    expect((await signal(amb)).status).toBe(201);
    expect((await call(t, amb, 'POST', '/api/v1/charter/accept', { version: 1 })).status).toBe(404);
  });

  it('lets comms and admins publish versions, and refuses ambassadors and the crisis team', async () => {
    expect((await call(t, amb, 'POST', '/api/v1/charter', CHARTER)).status).toBe(403);
    expect((await call(t, crisis, 'POST', '/api/v1/charter', CHARTER)).status).toBe(403);
    const bad = await call(t, comms, 'POST', '/api/v1/charter', { ...CHARTER, body_en: '   ' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body_en');
    const v1 = await call(t, comms, 'POST', '/api/v1/charter', CHARTER);
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ version: 1, body_en: CHARTER.body_en, card_fr: CHARTER.card_fr, published_by: { id: comms.id } });
  });

  it('blocks an ambassador\'s report until the current version is accepted, with a code naming the charter', async () => {
    const refused = await signal(amb);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'charter_not_accepted', version: 1 });
    expect((await signal(crisis)).status).toBe(201); // the gate is the ambassadors' own
    expect((await call(t, amb, 'GET', '/api/v1/charter')).body).toMatchObject({ charter: { version: 1 }, accepted_version: null, must_accept: true });
    const accepted = await call(t, amb, 'POST', '/api/v1/charter/accept', { version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body.version).toBe(1);
    // Accepting twice keeps the first time.
    expect((await call(t, amb, 'POST', '/api/v1/charter/accept', { version: 1 })).body.accepted_at).toBe(accepted.body.accepted_at);
    expect((await signal(amb)).status).toBe(201);
    expect((await signal(other)).status).toBe(403);
  });

  it('asks again when a new version is published, and refuses accepting a stale one', async () => {
    const v2 = await call(t, admin, 'POST', '/api/v1/charter', { ...CHARTER, body_en: '# Charter v2' });
    expect(v2.body.version).toBe(2);
    expect((await signal(amb)).body.error).toMatchObject({ code: 'charter_not_accepted', version: 2 });
    expect((await call(t, amb, 'GET', '/api/v1/charter')).body).toMatchObject({ accepted_version: 1, must_accept: true, charter: { version: 2, body_en: '# Charter v2' } });
    const stale = await call(t, amb, 'POST', '/api/v1/charter/accept', { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'charter_outdated', current_version: 2 });
    expect((await call(t, amb, 'POST', '/api/v1/charter/accept', { version: 2 })).status).toBe(200);
    expect((await signal(amb)).status).toBe(201);
  });

  it('says when an incident is open, so the app offers the crisis card', async () => {
    await t.db.database.db.insertInto('incidents').values({ title: 'Recall' }).execute();
    expect((await call(t, amb, 'GET', '/api/v1/charter')).body.incident_open).toBe(true);
  });

  it('grades training on the server without ever sending the answers to ambassadors', async () => {
    expect((await call(t, amb, 'POST', '/api/v1/training/modules', QUIZ)).status).toBe(403);
    const badQuiz = await call(t, comms, 'POST', '/api/v1/training/modules', { ...QUIZ, questions: [{ question: 'Q', choices: ['a', 'b'], answer: 4 }] });
    expect(badQuiz.status).toBe(400);
    expect(badQuiz.body.error.message).toMatch(/answer/);
    const created = await call(t, comms, 'POST', '/api/v1/training/modules', QUIZ);
    expect(created.status).toBe(201);
    expect(created.body.questions[1].answer).toBe(0);
    const id = created.body.id as string;
    await call(t, comms, 'POST', '/api/v1/training/modules', { title: 'Draft module', lang: 'fr', body: 'Pas encore', published: false });

    const mine = await call(t, amb, 'GET', '/api/v1/training/modules');
    expect(mine.body.items.map((m: { title: string }) => m.title)).toEqual(['Reporting 101']);
    expect(JSON.stringify(mine.body)).not.toContain('"answer"');

    const wrong = await call(t, amb, 'POST', `/api/v1/training/modules/${id}/answers`, { answers: [0, 0] });
    expect(wrong.body).toEqual({ score: 1, total: 2, passed: false, results: [{ correct: false }, { correct: true }], completed_at: null });
    const short = await call(t, amb, 'POST', `/api/v1/training/modules/${id}/answers`, { answers: [1] });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('answers');
    const right = await call(t, amb, 'POST', `/api/v1/training/modules/${id}/answers`, { answers: [1, 0] });
    expect(right.body).toMatchObject({ score: 2, passed: true });
    expect(right.body.completed_at).toEqual(expect.any(String));
    expect((await call(t, amb, 'GET', '/api/v1/training/modules')).body.items[0]).toMatchObject({ completed_at: right.body.completed_at, score: 2 });
    expect((await call(t, amb, 'POST', '/api/v1/training/modules/00000000-0000-4000-8000-000000000000/answers', { answers: [] })).status).toBe(404);
  });

  it('reports acceptance and completion per ambassador and per group to comms and admins only', async () => {
    const group = await call(t, admin, 'POST', '/api/v1/groups', { name: 'Sales' });
    await call(t, admin, 'POST', `/api/v1/groups/${group.body.id}/members`, { user_ids: [amb.id, other.id] });
    expect((await call(t, amb, 'GET', '/api/v1/programme/report')).status).toBe(403);
    const report = await call(t, comms, 'GET', '/api/v1/programme/report');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ charter_version: 2, modules_total: 1 });
    const byName = Object.fromEntries(report.body.ambassadors.map((a: { name: string }) => [a.name, a]));
    expect(byName['Alice Amb']).toMatchObject({ accepted_version: 2, accepted_current: true, modules_completed: 1, groups: [{ name: 'Sales' }] });
    expect(byName['Bob Amb']).toMatchObject({ accepted_version: null, accepted_current: false, modules_completed: 0 });
    expect(report.body.groups).toEqual([{ id: group.body.id, name: 'Sales', members: 2, accepted_current: 1, completed_all: 1 }]);
  });
});
