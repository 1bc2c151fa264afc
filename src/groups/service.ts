// Audience groups (team, department, language...): admins manage them; talking points are sent to all
// ambassadors or to the ambassadors in chosen groups. Members of other roles may be listed (a department
// has comms staff too) but only ambassadors receive talking points.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { audit } from '../audit/audit.js';
import type { DB } from '../db/schema.js';
import type { Role } from '../db/tables/users.js';
import type { Actor } from '../shared/actor.js';
import { badRequest, conflict, notFound } from '../shared/errors.js';
import { groupsRepository as groups } from './repository.js';

export type GroupKind = 'team' | 'department' | 'language' | 'other';
export interface GroupView { id: string; name: string; kind: GroupKind; member_count: number; created_at: string }
export interface GroupMember { id: string; name: string; email: string; role: Role; lang: 'fr' | 'en'; disabled: boolean }
export interface GroupDetail extends GroupView { members: GroupMember[] }
export interface GroupInput { name: string; kind?: GroupKind }

type GroupRecord = NonNullable<Awaited<ReturnType<typeof groups.get>>>;

function groupView(g: GroupRecord): GroupView {
  return { id: g.id, name: g.name, kind: g.kind, member_count: Number(g.member_count ?? 0), created_at: g.created_at.toISOString() };
}

export const MAX_MEMBERS_PER_CALL = 1000;

export function createGroupsService(db: Kysely<DB>, logger: Logger) {
  async function assertNameFree(trx: Kysely<DB>, name: string, exceptId?: string) {
    const existing = await groups.byName(trx, name);
    if (existing && existing.id !== exceptId) throw conflict(`a group named "${name}" already exists`, 'name_taken');
  }

  async function detail(trx: Kysely<DB>, id: string): Promise<GroupDetail> {
    const g = await groups.get(trx, id);
    if (!g) throw notFound('group');
    const members = (await groups.members(trx, id)).map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, lang: m.lang, disabled: m.disabled_at !== null }));
    return { ...groupView(g), members };
  }

  function cleanName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed) throw badRequest('name', 'must not be empty');
    return trimmed;
  }

  return {
    async create(actor: Actor, input: GroupInput): Promise<GroupView> {
      const name = cleanName(input.name);
      return db.transaction().execute(async (trx) => {
        await assertNameFree(trx, name);
        const { id } = await groups.insert(trx, { name, kind: input.kind ?? 'team' });
        await audit(trx, actor, { action: 'group.created', entityType: 'group', entityId: id, details: { name, kind: input.kind ?? 'team' } });
        logger.info({ groupId: id, actor: actor.label }, 'group created');
        return groupView((await groups.get(trx, id))!);
      });
    },

    list: async (): Promise<GroupView[]> => (await groups.list(db)).map(groupView),

    get: (id: string) => detail(db, id),

    async update(actor: Actor, id: string, patch: Partial<GroupInput>): Promise<GroupView> {
      return db.transaction().execute(async (trx) => {
        const values: { name?: string; kind?: GroupKind } = {};
        if (patch.name !== undefined) {
          values.name = cleanName(patch.name);
          await assertNameFree(trx, values.name, id);
        }
        if (patch.kind !== undefined) values.kind = patch.kind;
        if (!(await groups.update(trx, id, values))) throw notFound('group');
        await audit(trx, actor, { action: 'group.updated', entityType: 'group', entityId: id, details: { ...values } });
        return groupView((await groups.get(trx, id))!);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const removed = await groups.remove(trx, id);
        if (!removed) throw notFound('group');
        await audit(trx, actor, { action: 'group.deleted', entityType: 'group', entityId: id, details: { name: removed.name } });
      });
      logger.info({ groupId: id, actor: actor.label }, 'group deleted');
    },

    async addMembers(actor: Actor, id: string, userIds: string[]): Promise<GroupDetail> {
      const ids = [...new Set(userIds)];
      if (ids.length === 0) throw badRequest('user_ids', 'must list at least one user');
      if (ids.length > MAX_MEMBERS_PER_CALL) throw badRequest('user_ids', `at most ${MAX_MEMBERS_PER_CALL} users per call`);
      return db.transaction().execute(async (trx) => {
        if (!(await groups.get(trx, id))) throw notFound('group');
        const known = await groups.existingUserIds(trx, ids);
        const unknown = ids.filter((u) => !known.has(u));
        if (unknown.length > 0) throw badRequest('user_ids', `no such user: ${unknown.join(', ')}`);
        const added = await groups.addMembers(trx, id, ids);
        await audit(trx, actor, { action: 'group.members_added', entityType: 'group', entityId: id, details: { user_ids: added.map((a) => a.user_id) } });
        return detail(trx, id);
      });
    },

    async removeMember(actor: Actor, id: string, userId: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!(await groups.get(trx, id))) throw notFound('group');
        if (!(await groups.removeMember(trx, id, userId))) throw notFound('group member');
        await audit(trx, actor, { action: 'group.member_removed', entityType: 'group', entityId: id, details: { user_id: userId } });
      });
    },
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
