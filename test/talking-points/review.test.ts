// What the reviewer and the author need around a review: the editor's live check (do-not-say phrases and
// the text's language, while typing), and the reason a point was sent back, kept on the point and pushed
// to its author at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { listen, openStream } from '../support/live.js';
import { advance, call, draft, tp } from './support.js';

let t: TestApp;
let base: string;
let crisis: TestUser;
let comms: TestUser;
let otherCrisis: TestUser;
let ambassador: TestUser;

beforeAll(async () => {
  t = await createTestApp({ 'talking_points.do_not_say': ['no comment', 'rumeur*'] });
  base = await listen(t.app);
  crisis = await createUser(t, 'crisis', { name: 'Chloé Crisis' });
  otherCrisis = await createUser(t, 'crisis');
  comms = await createUser(t, 'comms', { name: 'Camille Comms' });
  ambassador = await createUser(t, 'ambassador');
});
afterAll(async () => t?.close());

describe('live check of the text being typed', () => {
  it('names do-not-say phrases by field and detects the language of the text, not of the author', async () => {
    const res = await call(t, crisis, 'POST', '/api/v1/talking-points/check', {
      title: 'Rappel de trois lots', body: 'Par précaution, nous rappelons trois lots. Les rumeurs sur un incendie sont fausses.',
      suggested_posts: [{ network: 'x', text: 'No comment.' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ lang: 'fr', do_not_say_matches: [{ phrase: 'rumeur*', field: 'body' }, { phrase: 'no comment', field: 'suggested_posts[0].text' }] });
    const english = await call(t, comms, 'POST', '/api/v1/talking-points/check', { title: 'Recall', body: 'As a precaution we are recalling three batches.' });
    expect(english.body).toEqual({ lang: 'en', do_not_say_matches: [] });
  });

  it('accepts half-typed text, refuses what is not text, and is for drafters only', async () => {
    expect((await call(t, crisis, 'POST', '/api/v1/talking-points/check', { title: '', body: '' })).status).toBe(200);
    const bad = await call(t, crisis, 'POST', '/api/v1/talking-points/check', { body: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/body/);
    expect((await call(t, ambassador, 'POST', '/api/v1/talking-points/check', { body: 'x' })).status).toBe(403);
    expect((await call(t, null, 'POST', '/api/v1/talking-points/check', { body: 'x' })).status).toBe(401);
  });
});

describe('sending a point back to its author', () => {
  it('keeps the reason on the draft, tells the author at once, and clears it when submitted again', async () => {
    const authorStream = await openStream(base, crisis.token);
    const bystander = await openStream(base, otherCrisis.token);
    try {
      const point = await draft(t, crisis, { title: 'Recall', body: 'Three batches are recalled.' });
      await advance(t, point.id, crisis, comms, 'in_review');
      const refused = await call(t, comms, 'POST', tp(point.id, 'reject'), { reason: '   ' });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/reason/);

      const sent = await call(t, comms, 'POST', tp(point.id, 'reject'), { reason: 'Give the batch numbers.' });
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({ status: 'draft', sent_back: { reason: 'Give the batch numbers.', by: { id: comms.id, name: 'Camille Comms' } } });
      expect((await call(t, crisis, 'GET', tp(point.id))).body.sent_back.reason).toBe('Give the batch numbers.');

      const event = await authorStream.waitFor((m) => m.type === 'talking_point.sent_back');
      expect(event.data).toMatchObject({ id: point.id, status: 'draft', sent_back: { reason: 'Give the batch numbers.' } });
      // Another crisis user (not the author) is not told about someone else's draft: a later event they do
      // receive (events arrive in order) comes with no sent_back before it.
      const later = await draft(t, crisis, { title: 'Later', body: 'Published after the send-back.' });
      await advance(t, later.id, crisis, comms, 'published');
      await bystander.waitFor((m) => m.type === 'talking_point.published');
      expect(bystander.messages.filter((m) => m.type === 'talking_point.sent_back')).toEqual([]);

      const again = await call(t, crisis, 'POST', tp(point.id, 'submit'));
      expect(again.body).toMatchObject({ status: 'in_review', sent_back: null });
      const history = (await call(t, comms, 'GET', tp(point.id))).body.history;
      expect(history.find((h: { action: string }) => h.action === 'rejected').details.reason).toBe('Give the batch numbers.');
    } finally {
      await authorStream.close();
      await bystander.close();
    }
  });
});
