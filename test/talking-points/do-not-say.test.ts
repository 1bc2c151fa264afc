// The do-not-say list (config talking_points.do_not_say) is checked on shareable text before approval:
// a match is a 422 naming the phrases and fields, and the matches are shown on the point all along.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { call, draft, tp } from './support.js';

let t: TestApp;
let crisis: TestUser;
let comms: TestUser;

beforeAll(async () => {
  t = await createTestApp({ 'talking_points.do_not_say': ['no comment', 'rumeur*', 'off the record', "faute de l'employé"] });
  crisis = await createUser(t, 'crisis');
  comms = await createUser(t, 'comms');
});
afterAll(async () => t?.close());

const risky = {
  title: 'No comment on the recall',
  body: 'C’est la FAUTE DE L’EMPLOYE, pas la nôtre.',
  variants: { en: { title: 'Recall', body: 'Strictly off-the-record: three batches.' } },
  suggested_posts: [{ network: 'linkedin', text: 'Les rumeurs sont fausses.' }],
};
const expectedMatches = [
  { phrase: 'no comment', field: 'title' },
  { phrase: "faute de l'employé", field: 'body' },
  { phrase: 'off the record', field: 'variants.en.body' },
  { phrase: 'rumeur*', field: 'suggested_posts[0].text' },
];

describe('do-not-say', () => {
  it('shows the matches on the point from the first draft', async () => {
    const point = await draft(t, crisis, { ...risky, shareable: true });
    expect(point.do_not_say_matches).toEqual(expectedMatches);
    expect((await call(t, comms, 'GET', tp(point.id))).body.do_not_say_matches).toEqual(expectedMatches);
  });

  it('refuses to approve a shareable point with matches (422), until the wording is fixed', async () => {
    const point = await draft(t, crisis, { ...risky, shareable: true });
    await call(t, crisis, 'POST', tp(point.id, 'submit'));
    const refused = await call(t, comms, 'POST', tp(point.id, 'approve'));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'do_not_say', matches: expectedMatches });
    expect(refused.body.error.message).toMatch(/"no comment" in title/);
    expect((await call(t, comms, 'GET', tp(point.id))).body.status).toBe('in_review');

    const fixed = await call(t, crisis, 'PATCH', tp(point.id), {
      title: 'Recall of three batches', body: 'Trois lots sont rappelés par précaution.',
      variants: { en: { title: 'Recall', body: 'Three batches are recalled.' } },
      suggested_posts: [{ network: 'linkedin', text: 'Trois lots rappelés par précaution.' }],
    });
    expect(fixed.body).toMatchObject({ status: 'draft', do_not_say_matches: [] });
    await call(t, crisis, 'POST', tp(point.id, 'submit'));
    expect((await call(t, comms, 'POST', tp(point.id, 'approve'))).body.status).toBe('approved');
  });

  it('lets an internal-only point through, with the matches still shown as a warning', async () => {
    const point = await draft(t, crisis, { ...risky, shareable: false });
    await call(t, crisis, 'POST', tp(point.id, 'submit'));
    const approved = await call(t, comms, 'POST', tp(point.id, 'approve'));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', do_not_say_matches: expectedMatches });
  });

  it('checks again when an internal point becomes shareable in a new version', async () => {
    const point = await draft(t, crisis, { title: 'Interne', body: 'Rumeur à ne pas relayer.' });
    await call(t, crisis, 'POST', tp(point.id, 'submit'));
    await call(t, comms, 'POST', tp(point.id, 'approve'));
    const v2 = (await call(t, crisis, 'PATCH', tp(point.id), { shareable: true })).body;
    await call(t, crisis, 'POST', tp(v2.id, 'submit'));
    const refused = await call(t, comms, 'POST', tp(v2.id, 'approve'));
    expect(refused.status).toBe(422);
    expect(refused.body.error.matches).toEqual([{ phrase: 'rumeur*', field: 'body' }]);
  });
});
