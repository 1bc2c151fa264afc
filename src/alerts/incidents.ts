// Incidents: a crisis declared by a human, grouping alerts; talking points attach to it. An incident moves
// through phases (investigating → identified → monitoring → resolved) under a commander and a comms lead;
// everything that happens to it is written to its timeline, and every change is announced on the stream
// (incident.opened, incident.updated, incident.resolved) with the incident as it is after the change,
// including its alert ids, so every viewer's screen follows without a reload.
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.js';
import type { DB } from '../db/schema.js';
import { json } from '../db/tables/json.js';
import type { IncidentPhase, IncidentRow } from '../db/tables/incidents.js';
import type { IncidentEventType } from '../contract/events.js';
import type { Actor } from '../shared/actor.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { badRequest, notFound } from '../shared/errors.js';
import { incidentView, incidentsRepository, type IncidentView, type Person } from '../incidents/repository.js';

export type { IncidentView } from '../incidents/repository.js';
export interface IncidentTimelineEntry { id: number; at: string; type: string; actor: Person; details: Record<string, unknown> }

export interface IncidentPatch {
  title?: string; summary?: string | null; status?: 'open' | 'closed'; phase?: IncidentPhase;
  commander_id?: string | null; comms_lead_id?: string | null; add_alert_ids?: string[]; remove_alert_ids?: string[];
}

export function createIncidentsService(db: Kysely<DB>, clock: Clock = systemClock) {
  const view = incidentView;
  const record = (conn: Kysely<DB>, incidentId: string, type: string, actor: Actor, details: Record<string, unknown> = {}) =>
    incidentsRepository.record(conn, incidentId, { type, actorId: actor.id, at: clock.now(), details });
  const announce = (conn: Kysely<DB>, type: IncidentEventType, row: IncidentRow) => incidentsRepository.announce(conn, type, row);

  /** Links alerts; one already acknowledged enters the timeline as acknowledged, by whom and when. */
  async function attach(conn: Kysely<DB>, incidentId: string, alertIds: string[], field: string): Promise<string[]> {
    if (alertIds.length === 0) return [];
    const found = await conn.selectFrom('alerts').select(['id', 'title', 'acknowledged_at', 'acknowledged_by', 'incident_id']).where('id', 'in', alertIds).execute();
    const missing = alertIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw badRequest(field, `unknown alert ${missing[0]}`);
    await conn.updateTable('alerts').set({ incident_id: incidentId, updated_at: clock.now() }).where('id', 'in', alertIds).execute();
    for (const a of found) {
      if (a.acknowledged_at && a.incident_id !== incidentId) {
        await incidentsRepository.record(conn, incidentId, { type: 'alert_acknowledged', actorId: a.acknowledged_by, at: a.acknowledged_at, details: { alert_id: a.id, title: a.title } });
      }
    }
    return alertIds;
  }

  async function checkUser(conn: Kysely<DB>, id: string | null | undefined, field: string): Promise<void> {
    if (!id) return;
    const u = await conn.selectFrom('users').select('id').where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
    if (!u) throw badRequest(field, 'must be an active user');
  }

  return {
    async declare(actor: Actor, input: { title: string; summary?: string | null; alert_ids: string[]; commander_id?: string | null; comms_lead_id?: string | null }): Promise<IncidentView> {
      const title = input.title.trim();
      if (!title) throw badRequest('title', 'must not be empty');
      const alertIds = [...new Set(input.alert_ids)];
      return db.transaction().execute(async (trx) => {
        await checkUser(trx, input.commander_id, 'commander_id');
        await checkUser(trx, input.comms_lead_id, 'comms_lead_id');
        const now = clock.now();
        const row = await trx.insertInto('incidents').values({
          title, summary: input.summary?.trim() || null, declared_by: actor.id, created_at: now, updated_at: now,
          commander_id: input.commander_id ?? actor.id, comms_lead_id: input.comms_lead_id ?? null,
        }).returningAll().executeTakeFirstOrThrow();
        await attach(trx, row.id, alertIds, 'alert_ids');
        for (const alertId of alertIds) {
          await trx.insertInto('alert_events').values({ alert_id: alertId, type: 'incident', actor_id: actor.id, details: json({ incident_id: row.id, title }) }).execute();
        }
        await record(trx, row.id, 'declared', actor, { title, alert_ids: alertIds });
        await audit(trx, actor, { action: 'incident.declared', entityType: 'incident', entityId: row.id, details: { title, alert_ids: alertIds } });
        return announce(trx, 'incident.opened', row);
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

    /** Oldest first; each publication carries its current read rate (receipts keep arriving after it). */
    async timeline(id: string): Promise<IncidentTimelineEntry[]> {
      const rows = await incidentsRepository.timeline(db, id);
      const pointIds = rows.filter((e) => e.type === 'talking_point_published').map((e) => String(e.details.talking_point_id));
      const counts = await incidentsRepository.readCounts(db, pointIds);
      return rows.map((e) => {
        const reads = e.type === 'talking_point_published' ? counts.get(String(e.details.talking_point_id)) : undefined;
        return {
          id: Number(e.id), at: e.at.toISOString(), type: e.type, actor: e.actor_id ? { id: e.actor_id, name: e.actor_name ?? 'unknown' } : null,
          details: reads ? { ...e.details, sent: reads.sent, read: reads.read } : e.details,
        };
      });
    },

    async update(actor: Actor, id: string, patch: IncidentPatch): Promise<IncidentView> {
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('incidents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!before) throw notFound('incident');
        await checkUser(trx, patch.commander_id, 'commander_id');
        await checkUser(trx, patch.comms_lead_id, 'comms_lead_id');
        // status and phase say the same thing twice for older clients: closed ⇔ resolved.
        const phase = patch.phase ?? (patch.status === 'closed' ? 'resolved' : patch.status === 'open' && before.phase === 'resolved' ? 'investigating' : undefined);
        const now = clock.now();
        const row = await trx.updateTable('incidents').set({
          updated_at: now, // also makes a patch of only alert ids a valid UPDATE
          ...(patch.title !== undefined ? { title: patch.title.trim() } : {}),
          ...(patch.summary !== undefined ? { summary: patch.summary?.trim() || null } : {}),
          ...(phase !== undefined ? { phase, status: phase === 'resolved' ? 'closed' : 'open', closed_at: phase === 'resolved' ? (before.closed_at ?? now) : null } : {}),
          ...(patch.commander_id !== undefined ? { commander_id: patch.commander_id } : {}),
          ...(patch.comms_lead_id !== undefined ? { comms_lead_id: patch.comms_lead_id } : {}),
        }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        const added = await attach(trx, id, [...new Set(patch.add_alert_ids ?? [])], 'add_alert_ids');
        if (patch.remove_alert_ids?.length) {
          await trx.updateTable('alerts').set({ incident_id: null, updated_at: now }).where('incident_id', '=', id).where('id', 'in', patch.remove_alert_ids).execute();
        }
        if (phase !== undefined && phase !== before.phase) await record(trx, id, 'phase', actor, { from: before.phase, to: phase });
        if (patch.commander_id !== undefined && patch.commander_id !== before.commander_id) await record(trx, id, 'commander', actor, { user_id: patch.commander_id });
        if (patch.comms_lead_id !== undefined && patch.comms_lead_id !== before.comms_lead_id) await record(trx, id, 'comms_lead', actor, { user_id: patch.comms_lead_id });
        if (added.length) await record(trx, id, 'alerts_linked', actor, { alert_ids: added });
        if (patch.remove_alert_ids?.length) await record(trx, id, 'alerts_unlinked', actor, { alert_ids: patch.remove_alert_ids });
        if (patch.title !== undefined || patch.summary !== undefined) await record(trx, id, 'edited', actor, { title: row.title });
        await audit(trx, actor, { action: 'incident.updated', entityType: 'incident', entityId: id, details: { ...patch } });
        const resolvedNow = row.phase === 'resolved' && before.phase !== 'resolved';
        return announce(trx, resolvedNow ? 'incident.resolved' : 'incident.updated', row);
      });
    },
  };
}

export type IncidentsService = ReturnType<typeof createIncidentsService>;
