import type { Generated, Selectable } from 'kysely';
import type { Json } from './json.js';

export interface EventsTable {
  id: Generated<number>;
  type: string;
  at: Generated<Date>;
  data: Json<Record<string, unknown>>;
  roles: string[];
  user_ids: string[] | null;
}
export type EventRow = Selectable<EventsTable>;
