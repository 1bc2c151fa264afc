// Audience groups: admins create, rename and delete them and manage members; drafters may read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, type TestApp, type TestUser } from '../support/app.js';
import { call } from './support.js';

let t: TestApp;
let admin: TestUser;
let comms: TestUser;
let ambassador: TestUser;
let ambassador2: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createUser(t, 'admin');
  comms = await createUser(t, 'comms');
  ambassador = await createUser(t, 'ambassador', { name: 'Alice' });
  ambassador2 = await createUser(t, 'ambassador', { name: 'Bruno' });
});
afterAll(async () => t?.close());

describe('groups', () => {
  it('are created, renamed and deleted by admins, with unique names', async () => {
    const created = await call(t, admin, 'POST', '/api/v1/groups', { name: 'Marketing', kind: 'department' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Marketing', kind: 'department', member_count: 0 });
    expect((await call(t, admin, 'POST', '/api/v1/groups', { name: 'marketing' })).body.error.code).toBe('name_taken');
    expect((await call(t, admin, 'POST', '/api/v1/groups', { name: 'X', kind: 'club' })).status).toBe(400);
    const renamed = await call(t, admin, 'PATCH', `/api/v1/groups/${created.body.id}`, { name: 'Marketing France', kind: 'team' });
    expect(renamed.body).toMatchObject({ name: 'Marketing France', kind: 'team' });
    expect((await call(t, admin, 'DELETE', `/api/v1/groups/${created.body.id}`)).status).toBe(204);
    expect((await call(t, admin, 'GET', `/api/v1/groups/${created.body.id}`)).status).toBe(404);
    const audit = await t.db.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.body.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['group.created', 'group.updated', 'group.deleted']);
  });

  it('manage members: add (idempotent), list, remove', async () => {
    const group = (await call(t, admin, 'POST', '/api/v1/groups', { name: 'English', kind: 'language' })).body;
    const added = await call(t, admin, 'POST', `/api/v1/groups/${group.id}/members`, { user_ids: [ambassador.id, ambassador2.id, ambassador.id] });
    expect(added.body.members.map((m: { name: string }) => m.name)).toEqual(['Alice', 'Bruno']);
    expect(added.body.member_count).toBe(2);
    expect((await call(t, admin, 'POST', `/api/v1/groups/${group.id}/members`, { user_ids: [ambassador.id] })).body.member_count).toBe(2);
    const unknown = await call(t, admin, 'POST', `/api/v1/groups/${group.id}/members`, { user_ids: ['00000000-0000-4000-8000-000000000009'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe('user_ids');
    expect((await call(t, admin, 'DELETE', `/api/v1/groups/${group.id}/members/${ambassador.id}`)).status).toBe(204);
    expect((await call(t, admin, 'DELETE', `/api/v1/groups/${group.id}/members/${ambassador.id}`)).status).toBe(404);
    expect((await call(t, comms, 'GET', `/api/v1/groups/${group.id}`)).body.members.map((m: { id: string }) => m.id)).toEqual([ambassador2.id]);
    const list = (await call(t, comms, 'GET', '/api/v1/groups')).body.items;
    expect(list.find((g: { id: string }) => g.id === group.id).member_count).toBe(1);
  });

  it('are read-only for drafters and closed to ambassadors', async () => {
    expect((await call(t, comms, 'POST', '/api/v1/groups', { name: 'Nope' })).status).toBe(403);
    expect((await call(t, ambassador, 'GET', '/api/v1/groups')).status).toBe(403);
    const group = (await call(t, admin, 'POST', '/api/v1/groups', { name: 'Sales' })).body;
    expect((await call(t, comms, 'POST', `/api/v1/groups/${group.id}/members`, { user_ids: [ambassador.id] })).status).toBe(403);
  });
});
