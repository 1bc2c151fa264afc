import type { Generated, Selectable } from 'kysely';
import type { JsonDefault } from './json.js';

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: JsonDefault<Record<string, unknown>>;
}
export type AuditLogRow = Selectable<AuditLogTable>;
