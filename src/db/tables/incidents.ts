import type { Generated, Selectable } from 'kysely';
import type { JsonDefault } from './json.js';

export interface IncidentsTable {
  id: Generated<string>;
  title: string;
  summary: string | null;
  status: Generated<'open' | 'closed'>;
  declared_by: string | null;
  created_at: Generated<Date>;
  closed_at: Date | null;
  phase: Generated<IncidentPhase>;
  commander_id: string | null;
  comms_lead_id: string | null;
  updated_at: Generated<Date>;
}
import type { IncidentPhase } from '../../contract/enums.js';
export { INCIDENT_PHASES, type IncidentPhase } from '../../contract/enums.js';

export interface IncidentEventsTable {
  id: Generated<number>;
  incident_id: string;
  at: Generated<Date>;
  type: string;
  actor_id: string | null;
  details: JsonDefault<Record<string, unknown>>;
}
export type IncidentEventRow = Selectable<IncidentEventsTable>;
export type IncidentRow = Selectable<IncidentsTable>;
