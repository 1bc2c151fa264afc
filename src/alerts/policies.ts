// Escalation policies: CRUD with validation. A policy applies to a watchlist (or all) from a minimum
// severity; one policy may be the default. Webhook targets are checked against the address policy.
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.js';
import type { DB } from '../db/schema.js';
import type { EscalationPolicyRow, PolicyStep, Severity } from '../db/tables/escalation-policies.js';
import type { Actor } from '../shared/actor.js';
import { badRequest, notFound } from '../shared/errors.js';
import { watchlistExists } from '../watchlists/service.js';
import { usersRepository } from '../auth/users-repository.js';
import { validateSteps } from './policy.js';

export interface PolicyInput { name: string; watchlist_id?: string | null; min_severity?: Severity; steps: PolicyStep[]; repeat?: number | boolean; is_default?: boolean }
export interface PolicyView { id: string; name: string; watchlist_id: string | null; min_severity: Severity; steps: PolicyStep[]; repeat: number; is_default: boolean; created_at: string; updated_at: string }

const view = (p: EscalationPolicyRow): PolicyView => ({
  id: p.id, name: p.name, watchlist_id: p.watchlist_id, min_severity: p.min_severity, steps: p.steps, repeat: p.repeat,
  is_default: p.is_default, created_at: p.created_at.toISOString(), updated_at: p.updated_at.toISOString(),
});

export function createPoliciesService(db: Kysely<DB>, deps: { maxRepeats: number; checkUrl: (url: string) => Promise<string> }) {
  function repeatOf(repeat: number | boolean | undefined): number {
    // `repeat: true` loops as often as the instance allows; a number is a count of extra cycles.
    if (repeat === true) return deps.maxRepeats;
    if (repeat === false || repeat === undefined) return 0;
    if (!Number.isInteger(repeat) || repeat < 0) throw badRequest('repeat', 'must be a non-negative integer or a boolean');
    return Math.min(repeat, deps.maxRepeats);
  }

  async function checkTargets(steps: PolicyStep[]): Promise<void> {
    validateSteps(steps);
    for (const [i, step] of steps.entries()) {
      for (const [j, target] of step.targets.entries()) {
        if ('user_id' in target && !(await usersRepository.findById(db, target.user_id))) {
          throw badRequest(`steps[${i}].targets[${j}].user_id`, 'no such user');
        }
        if ('webhook_url' in target) {
          try { await deps.checkUrl(target.webhook_url); } catch (err) {
            throw badRequest(`steps[${i}].targets[${j}].webhook_url`, (err as Error).message.replace(/^url: /, ''));
          }
        }
      }
    }
  }

  async function checkWatchlist(id: string | null | undefined): Promise<void> {
    if (!id) return;
    if (!(await watchlistExists(db, id))) throw badRequest('watchlist_id', 'no such watchlist');
  }

  return {
    async create(actor: Actor, input: PolicyInput): Promise<PolicyView> {
      await checkTargets(input.steps);
      await checkWatchlist(input.watchlist_id);
      return db.transaction().execute(async (trx) => {
        if (input.is_default) await trx.updateTable('escalation_policies').set({ is_default: false }).where('is_default', '=', true).execute();
        const row = await trx.insertInto('escalation_policies').values({
          name: input.name.trim(), watchlist_id: input.watchlist_id ?? null, min_severity: input.min_severity ?? 'low',
          steps: JSON.stringify(input.steps), repeat: repeatOf(input.repeat), is_default: input.is_default ?? false, created_by: actor.id,
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, actor, { action: 'policy.created', entityType: 'escalation_policy', entityId: row.id, details: { name: row.name } });
        return view(row);
      });
    },

    async list(): Promise<PolicyView[]> {
      return (await db.selectFrom('escalation_policies').selectAll().where('deleted_at', 'is', null).orderBy('created_at').execute()).map(view);
    },

    async get(id: string): Promise<PolicyView> {
      const row = await db.selectFrom('escalation_policies').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!row) throw notFound('escalation policy');
      return view(row);
    },

    async update(actor: Actor, id: string, patch: Partial<PolicyInput>): Promise<PolicyView> {
      if (patch.steps) await checkTargets(patch.steps);
      await checkWatchlist(patch.watchlist_id);
      return db.transaction().execute(async (trx) => {
        if (patch.is_default) await trx.updateTable('escalation_policies').set({ is_default: false }).where('is_default', '=', true).where('id', '!=', id).execute();
        const row = await trx.updateTable('escalation_policies').set({
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.watchlist_id !== undefined ? { watchlist_id: patch.watchlist_id } : {}),
          ...(patch.min_severity !== undefined ? { min_severity: patch.min_severity } : {}),
          ...(patch.steps !== undefined ? { steps: JSON.stringify(patch.steps) } : {}),
          ...(patch.repeat !== undefined ? { repeat: repeatOf(patch.repeat) } : {}),
          ...(patch.is_default !== undefined ? { is_default: patch.is_default } : {}),
          updated_at: new Date(),
        }).where('id', '=', id).where('deleted_at', 'is', null).returningAll().executeTakeFirst();
        if (!row) throw notFound('escalation policy');
        // Alerts already open keep the snapshot they were raised with.
        await audit(trx, actor, { action: 'policy.updated', entityType: 'escalation_policy', entityId: id, details: { ...patch } });
        return view(row);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('escalation_policies').set({ deleted_at: new Date(), is_default: false }).where('id', '=', id).where('deleted_at', 'is', null).returning('name').executeTakeFirst();
        if (!row) throw notFound('escalation policy');
        await audit(trx, actor, { action: 'policy.deleted', entityType: 'escalation_policy', entityId: id, details: { name: row.name } });
      });
    },
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;
