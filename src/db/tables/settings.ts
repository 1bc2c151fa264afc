import type { Generated } from 'kysely';
import type { Json } from './json.js';

export interface SettingsTable {
  key: string;
  value: Json<unknown>;
  updated_at: Generated<Date>;
}
