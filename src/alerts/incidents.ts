// Incidents: a crisis declared by a human, grouping alerts; talking points attach to it.
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.js';
import type { DB } from '../db/schema.js';
import type { IncidentRow } from '../db/tables/incidents.js';
import { appendEvent } from '../events/repository.js';
import type { Actor } from '../shared/actor.js';
import { badRequest, notFound } from '../shared/errors.js';
import { ALERT_AUDIENCE } from './escalation.js';

export interface IncidentView { id: string; title: string; summary: string | null; status: 'open' | 'closed'; declared_by: { id: string; name: string } | null; created_at: string; closed_at: string | null; alert_ids: string[] }

export function createIncidentsService(db: Kysely<DB>) {
  async function view(conn: Kysely<DB>, row: IncidentRow): Promise<IncidentView> {
    const [alerts, declarer] = await Promise.all([
      conn.selectFrom('alerts').select('id').where('incident_id', '=', row.id).orderBy('opened_at').execute(),
      row.declared_by ? conn.selectFrom('users').select(['id', 'name']).where('id', '=', row.declared_by).executeTakeFirst() : Promise.resolve(undefined),
    ]);
    return {
      id: row.id, title: row.title, summary: row.summary, status: row.status, declared_by: declarer ?? null,
      created_at: row.created_at.toISOString(), closed_at: row.closed_at?.toISOString() ?? null, alert_ids: alerts.map((a) => a.id),
    };
  }

  async function attach(conn: Kysely<DB>, incidentId: string, alertIds: string[], field: string): Promise<void> {
    if (alertIds.length === 0) return;
    const found = await conn.selectFrom('alerts').select('id').where('id', 'in', alertIds).execute();
    const missing = alertIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw badRequest(field, `unknown alert ${missing[0]}`);
    await conn.updateTable('alerts').set({ incident_id: incidentId, updated_at: new Date() }).where('id', 'in', alertIds).execute();
  }

  return {
    async declare(actor: Actor, input: { title: string; summary?: string | null; alert_ids: string[] }): Promise<IncidentView> {
      const title = input.title.trim();
      if (!title) throw badRequest('title', 'must not be empty');
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('incidents').values({ title, summary: input.summary?.trim() || null, declared_by: actor.id }).returningAll().executeTakeFirstOrThrow();
        await attach(trx, row.id, [...new Set(input.alert_ids)], 'alert_ids');
        for (const alertId of input.alert_ids) {
          await trx.insertInto('alert_events').values({ alert_id: alertId, type: 'incident', actor_id: actor.id, details: JSON.stringify({ incident_id: row.id, title }) }).execute();
        }
        await audit(trx, actor, { action: 'incident.declared', entityType: 'incident', entityId: row.id, details: { title, alert_ids: input.alert_ids } });
        const v = await view(trx, row);
        await appendEvent(trx, 'alert.updated', { incident: v } as unknown as Record<string, unknown>, { roles: ALERT_AUDIENCE });
        return v;
      });
    },

    async list(status?: 'open' | 'closed'): Promise<IncidentView[]> {
      let q = db.selectFrom('incidents').selectAll().orderBy('created_at', 'desc').limit(200);
      if (status) q = q.where('status', '=', status);
      const rows = await q.execute();
      return Promise.all(rows.map((r) => view(db, r)));
    },

    async get(id: string): Promise<IncidentView> {
      const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('incident');
      return view(db, row);
    },

    async update(actor: Actor, id: string, patch: { title?: string; summary?: string | null; status?: 'open' | 'closed'; add_alert_ids?: string[]; remove_alert_ids?: string[] }): Promise<IncidentView> {
      return db.transaction().execute(async (trx) => {
        const changes = {
          ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
          ...(patch.summary !== undefined ? { summary: patch.summary?.trim() || null } : {}),
          ...(patch.status !== undefined ? { status: patch.status, closed_at: patch.status === 'closed' ? new Date() : null } : {}),
        };
        // A patch that only adds or removes alerts changes no column: an empty SET is a syntax error, so lock the row instead.
        const row = Object.keys(changes).length > 0
          ? await trx.updateTable('incidents').set(changes).where('id', '=', id).returningAll().executeTakeFirst()
          : await trx.selectFrom('incidents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) throw notFound('incident');
        await attach(trx, id, patch.add_alert_ids ?? [], 'add_alert_ids');
        if (patch.remove_alert_ids?.length) {
          await trx.updateTable('alerts').set({ incident_id: null }).where('incident_id', '=', id).where('id', 'in', patch.remove_alert_ids).execute();
        }
        await audit(trx, actor, { action: 'incident.updated', entityType: 'incident', entityId: id, details: { ...patch } });
        return view(trx, row);
      });
    },
  };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
