import type { Generated, Selectable } from 'kysely';

export interface IncidentsTable {
  id: Generated<string>;
  title: string;
  summary: string | null;
  status: Generated<'open' | 'closed'>;
  declared_by: string | null;
  created_at: Generated<Date>;
  closed_at: Date | null;
}
export type IncidentRow = Selectable<IncidentsTable>;
