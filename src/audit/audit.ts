// The append-only audit log: every capability records who changed what, inside the same transaction
// as the change itself, so the log and the data never disagree.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { json } from '../db/tables/json.js';
import type { Actor } from '../shared/actor.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
}

export async function audit(db: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: actor.id,
      actor_label: actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      details: json(entry.details ?? {}),
    })
    .execute();
}

export async function auditTrail(db: Kysely<DB>, entityType: string, entityIds: string[]) {
  if (entityIds.length === 0) return [];
  return db
    .selectFrom('audit_log')
    .select(['id', 'at', 'actor_id', 'actor_label', 'action', 'entity_id', 'details'])
    .where('entity_type', '=', entityType)
    .where('entity_id', 'in', entityIds)
    .orderBy('id', 'asc')
    .execute();
}
