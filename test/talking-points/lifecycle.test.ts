// The lifecycle over HTTP on a real database: every allowed transition, every forbidden one with its
// status and message, in-place edits, new versions, supersession and the audit trail on the point.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedItem, HistoryEntry } from '../../src/talking-points/types.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { advance, call, draft, tp } from './support.js';

let t: TestApp;
let crisis: TestUser;
let crisis2: TestUser;
let comms: TestUser;
let comms2: TestUser;
let comms3: TestUser;
let admin: TestUser;
let ambassador: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  crisis = await createUser(t, 'crisis', { name: 'Chloé Crisis' });
  crisis2 = await createUser(t, 'crisis');
  comms = await createUser(t, 'comms', { name: 'Camille Comms' });
  comms2 = await createUser(t, 'comms', { name: 'Corentin Comms' });
  comms3 = await createUser(t, 'comms');
  admin = await createUser(t, 'admin');
  ambassador = await createUser(t, 'ambassador');
});
afterAll(async () => t?.close());

describe('drafting', () => {
  it('lets crisis and comms users draft, nobody else', async () => {
    for (const user of [crisis, comms]) {
      const point = await draft(t, user);
      expect(point).toMatchObject({ status: 'draft', version: 1, author: { id: user.id }, approved_by: null, shareable: false, audience: { all: true } });
      expect(point.lineage_id).toBeTruthy();
    }
    for (const user of [admin, ambassador]) {
      const res = await call(t, user, 'POST', '/api/v1/talking-points', { title: 'x', body: 'y' });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(new RegExp(`role ${user.role}`));
    }
    expect((await call(t, null, 'POST', '/api/v1/talking-points', { title: 'x', body: 'y' })).status).toBe(401);
  });

  it('stores variants, suggested posts, tags and links, and validates them', async () => {
    const point = await draft(t, comms, {
      variants: { fr: { title: 'Rappel', body: 'Trois lots' }, en: { title: 'Recall', body: 'Three batches' } },
      shareable: true, suggested_posts: [{ network: 'LinkedIn', text: 'Three batches recalled.' }], tags: ['Rappel', '#rappel', 'produit'],
    });
    expect(point).toMatchObject({
      variants: { fr: { title: 'Rappel', body: 'Trois lots' }, en: { title: 'Recall', body: 'Three batches' } },
      shareable: true, suggested_posts: [{ network: 'linkedin', text: 'Three batches recalled.' }], tags: ['rappel', 'produit'],
    });
    const bad: [object, string][] = [
      [{ suggested_posts: [{ network: 'x', text: 'a'.repeat(501) }] }, 'suggested_posts[0].text'],
      [{ incident_id: '00000000-0000-4000-8000-000000000001' }, 'incident_id'],
      [{ alert_id: '00000000-0000-4000-8000-000000000002' }, 'alert_ids'],
      [{ audience: { group_ids: ['00000000-0000-4000-8000-000000000003'] } }, 'audience.group_ids'],
      [{ variants: { de: { title: 'x', body: 'y' } } }, 'variants.de'],
    ];
    for (const [payload, field] of bad) {
      const res = await call(t, comms, 'POST', '/api/v1/talking-points', { title: 'x', body: 'y', ...payload });
      expect(res.status, JSON.stringify(payload)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
  });
});

describe('four-eyes approval and publishing', () => {
  it('walks draft → in_review → approved → published → retired', async () => {
    const point = await draft(t, crisis);
    const submitted = await call(t, crisis, 'POST', tp(point.id, 'submit'));
    expect(submitted.body).toMatchObject({ status: 'in_review' });
    expect(submitted.body.submitted_at).toBeTruthy();
    const approved = await call(t, comms, 'POST', tp(point.id, 'approve'));
    expect(approved.body).toMatchObject({ status: 'approved', approved_by: { id: comms.id, name: 'Camille Comms' } });
    const published = await call(t, comms2, 'POST', tp(point.id, 'publish'));
    expect(published.body).toMatchObject({ status: 'published', published_by: { id: comms2.id, name: 'Corentin Comms' } });
    const retired = await call(t, comms, 'POST', tp(point.id, 'retire'));
    expect(retired.body.status).toBe('retired');
    expect(retired.body.retired_at).toBeTruthy();
  });

  it('lets any comms user submit, and the comms author publish once someone else approved', async () => {
    const point = await draft(t, comms);
    expect((await call(t, comms2, 'POST', tp(point.id, 'submit'))).body.status).toBe('in_review');
    expect((await call(t, comms2, 'POST', tp(point.id, 'approve'))).body.status).toBe('approved');
    expect((await call(t, comms, 'POST', tp(point.id, 'publish'))).body.status).toBe('published');
  });

  it('refuses the wrong role with 403 and a reason', async () => {
    const point = await draft(t, crisis);
    const cases: [TestUser, string, RegExp][] = [
      [crisis2, 'submit', /author or the comms team/],
      [ambassador, 'submit', /role ambassador/],
    ];
    await call(t, crisis, 'POST', tp(point.id, 'submit'));
    cases.push([crisis, 'approve', /comms user other than the author/], [admin, 'approve', /comms user other than the author/], [ambassador, 'approve', /role ambassador/]);
    for (const [user, action, message] of cases) {
      const res = await call(t, user, 'POST', tp(point.id, action));
      expect(res.status, `${user.role} ${action}`).toBe(403);
      expect(res.body.error.message).toMatch(message);
    }
    await call(t, comms, 'POST', tp(point.id, 'approve'));
    for (const user of [crisis, admin]) {
      const res = await call(t, user, 'POST', tp(point.id, 'publish'));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/only the comms team may publish/);
    }
    expect((await call(t, crisis, 'POST', tp(point.id, 'retire'))).status).toBe(403);
    expect((await call(t, crisis, 'GET', tp(point.id))).body.status).toBe('approved');
  });

  it('refuses self-approval, also by a reviewer who edited the point', async () => {
    const own = await draft(t, comms);
    await call(t, comms, 'POST', tp(own.id, 'submit'));
    const self = await call(t, comms, 'POST', tp(own.id, 'approve'));
    expect(self.status).toBe(403);
    expect(self.body.error).toMatchObject({ code: 'self_approval' });
    expect(self.body.error.message).toMatch(/four eyes/);

    const edited = await draft(t, crisis);
    await call(t, crisis, 'POST', tp(edited.id, 'submit'));
    expect((await call(t, comms2, 'PATCH', tp(edited.id), { body: 'Reworded by the reviewer.' })).body.status).toBe('draft');
    await call(t, crisis, 'POST', tp(edited.id, 'submit'));
    expect((await call(t, comms2, 'POST', tp(edited.id, 'approve'))).body.error.code).toBe('self_approval');
    expect((await call(t, comms3, 'POST', tp(edited.id, 'approve'))).body.status).toBe('approved');
  });

  it('answers a transition from the wrong status with 409 and what to do', async () => {
    const point = await draft(t, crisis);
    const cases: [TestUser, string, RegExp][] = [
      [comms, 'approve', /submit it for review first/],
      [comms, 'publish', /must be approved first/],
      [comms, 'reject', /draft/],
    ];
    for (const [user, action, message] of cases) {
      const res = await call(t, user, 'POST', tp(point.id, action), action === 'reject' ? { reason: 'no' } : undefined);
      expect(res.status, action).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'invalid_state' });
      expect(res.body.error.message).toMatch(message);
    }
    await call(t, crisis, 'POST', tp(point.id, 'submit'));
    expect((await call(t, crisis, 'POST', tp(point.id, 'submit'))).status).toBe(409);
    expect((await call(t, comms, 'POST', tp(point.id, 'publish'))).status).toBe(409);
    await call(t, comms, 'POST', tp(point.id, 'approve'));
    await call(t, comms, 'POST', tp(point.id, 'publish'));
    expect((await call(t, comms, 'POST', tp(point.id, 'publish'))).body.error.message).toMatch(/already published/);
    expect((await call(t, comms, 'POST', tp(point.id, 'reject'), { reason: 'late' })).body.error.message).toMatch(/retire it/);
    expect((await call(t, comms, 'POST', tp(point.id, 'approve'))).status).toBe(409);
  });

  it('rejects back to draft with a reason that shows in the history', async () => {
    const point = await draft(t, crisis);
    await call(t, crisis, 'POST', tp(point.id, 'submit'));
    expect((await call(t, comms, 'POST', tp(point.id, 'reject'), {})).status).toBe(400);
    const rejected = await call(t, comms, 'POST', tp(point.id, 'reject'), { reason: 'Cite the batch numbers' });
    expect(rejected.body).toMatchObject({ status: 'draft', submitted_at: null });
    // An approved point can still be pulled back before it goes out.
    await advance(t, point.id, crisis, comms, 'approved');
    expect((await call(t, comms2, 'POST', tp(point.id, 'reject'), { reason: 'Legal wants a look' })).body).toMatchObject({ status: 'draft', approved_by: null });
    const detail = (await call(t, crisis, 'GET', tp(point.id))).body;
    expect(detail.history.filter((h: HistoryEntry) => h.action === 'rejected').map((h: HistoryEntry) => h.details.reason)).toEqual(['Cite the batch numbers', 'Legal wants a look']);
  });

  it('publishes once when two comms users click at the same instant', async () => {
    await createUser(t, 'ambassador');
    const point = await draft(t, crisis);
    await advance(t, point.id, crisis, comms, 'approved');
    const results = await Promise.all([comms, comms2, comms3].map((u) => call(t, u, 'POST', tp(point.id, 'publish'))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const events = await t.db.database.db.selectFrom('events').select('data').where('type', '=', 'talking_point.published').execute();
    expect(events.filter((e) => e.data.id === point.id)).toHaveLength(1);
    const audits = await t.db.database.db.selectFrom('audit_log').select('id').where('entity_id', '=', point.id).where('action', '=', 'talking_point.published').execute();
    expect(audits).toHaveLength(1);
  });

  it('returns 404 for an unknown point', async () => {
    expect((await call(t, comms, 'POST', tp('00000000-0000-4000-8000-00000000abcd', 'approve'))).status).toBe(404);
  });
});

describe('editing and versions', () => {
  it('edits a draft in place; editing a point in review sends it back to draft', async () => {
    const point = await draft(t, crisis);
    const edited = await call(t, crisis, 'PATCH', tp(point.id), { title: 'Rappel de quatre lots', tags: ['rappel'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: point.id, version: 1, status: 'draft', title: 'Rappel de quatre lots', tags: ['rappel'] });
    await call(t, crisis, 'POST', tp(point.id, 'submit'));
    const back = await call(t, crisis, 'PATCH', tp(point.id), { body: 'Quatre lots sont rappelés.' });
    expect(back.body).toMatchObject({ id: point.id, status: 'draft', submitted_at: null });
    expect((await call(t, crisis2, 'PATCH', tp(point.id), { body: 'Not mine' })).status).toBe(403);
    expect((await call(t, ambassador, 'PATCH', tp(point.id), { body: 'x' })).status).toBe(403);
  });

  it('turns an edit of a published point into a new draft version; publishing it supersedes the old one', async () => {
    const v1 = await draft(t, crisis, { tags: ['rappel'] });
    await advance(t, v1.id, crisis, comms, 'published');
    const edit = await call(t, crisis2, 'PATCH', tp(v1.id), { body: 'Trois lots, numéros 12, 13 et 14.' });
    expect(edit.status).toBe(201);
    const v2 = edit.body;
    expect(v2).toMatchObject({ lineage_id: v1.lineage_id, version: 2, status: 'draft', author: { id: crisis2.id }, title: v1.title, tags: ['rappel'], approved_by: null });
    expect(v2.id).not.toBe(v1.id);
    // The published version is untouched and still the live one.
    expect((await call(t, comms, 'GET', tp(v1.id))).body).toMatchObject({ status: 'published', body: v1.body });
    // Only one version is prepared at a time.
    const second = await call(t, comms, 'PATCH', tp(v1.id), { title: 'Another edit' });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'newer_version_exists', talking_point_id: v2.id });

    await advance(t, v2.id, crisis2, comms, 'published');
    const old = (await call(t, comms, 'GET', tp(v1.id))).body;
    expect(old.status).toBe('superseded');
    const detail = (await call(t, comms, 'GET', tp(v2.id))).body;
    expect(detail.versions).toEqual([{ id: v1.id, version: 1, status: 'superseded' }, { id: v2.id, version: 2, status: 'published' }]);
    expect(detail.history.map((h: HistoryEntry) => `${h.version}:${h.action}`)).toEqual([
      '1:created', '1:submitted', '1:approved', '1:published', '2:version_created', '2:submitted', '2:approved', '1:superseded', '2:published',
    ]);
    expect(detail.history.find((h: HistoryEntry) => h.action === 'approved' && h.version === 2).actor).toEqual({ id: comms.id, name: 'Camille Comms' });
    expect((await call(t, comms, 'PATCH', tp(v1.id), { title: 'x' })).body.error.message).toMatch(/superseded.*edit the latest version/);
  });

  it('replaces an approved, unpublished point by the new draft version', async () => {
    const v1 = await draft(t, crisis);
    await advance(t, v1.id, crisis, comms, 'approved');
    const v2 = await call(t, comms2, 'PATCH', tp(v1.id), { title: 'Better title' });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, status: 'draft', title: 'Better title' });
    expect((await call(t, comms, 'GET', tp(v1.id))).body.status).toBe('superseded');
    expect((await call(t, comms, 'POST', tp(v1.id, 'publish'))).status).toBe(409);
  });

  it('records every transition in the append-only audit log in the same transaction', async () => {
    const point = await draft(t, crisis);
    await advance(t, point.id, crisis, comms, 'published');
    const rows = await t.db.database.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_type', '=', 'talking_point').where('entity_id', '=', point.id).orderBy('id').execute();
    expect(rows).toEqual([
      { action: 'talking_point.created', actor_id: crisis.id },
      { action: 'talking_point.submitted', actor_id: crisis.id },
      { action: 'talking_point.approved', actor_id: comms.id },
      { action: 'talking_point.published', actor_id: comms.id },
    ]);
    // A refused transition leaves no trace.
    await call(t, crisis, 'POST', tp(point.id, 'publish'));
    const after = await t.db.database.db.selectFrom('audit_log').select('id').where('entity_id', '=', point.id).execute();
    expect(after).toHaveLength(4);
  });
});

describe('reading', () => {
  it('lists points by status, incident and tag for crisis, comms and admin only', async () => {
    const tagged = await draft(t, comms, { tags: ['unique-tag-xyz'] });
    const list = await call(t, admin, 'GET', '/api/v1/talking-points?status=draft,in_review&tag=unique-tag-xyz');
    expect(list.body.items.map((p: FeedItem) => p.id)).toEqual([tagged.id]);
    const published = (await call(t, comms, 'GET', '/api/v1/talking-points?status=published')).body.items;
    expect(published.length).toBeGreaterThan(0);
    expect(published.every((p: FeedItem) => p.status === 'published')).toBe(true);
    expect((await call(t, ambassador, 'GET', '/api/v1/talking-points')).status).toBe(403);
    expect((await call(t, comms, 'GET', '/api/v1/talking-points?status=bogus')).status).toBe(400);
  });

  it('hides drafts from ambassadors', async () => {
    const point = await draft(t, comms);
    expect((await call(t, ambassador, 'GET', tp(point.id))).status).toBe(404);
  });
});
