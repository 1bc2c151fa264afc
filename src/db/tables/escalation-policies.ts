import type { Generated, Selectable } from 'kysely';
import type { Json } from './json.js';

import type { Severity } from '../../contract/enums.js';

export { SEVERITIES, type Severity } from '../../contract/enums.js';
export type Channel = 'ws' | 'email' | 'webhook';
export type Target = { role: string } | { user_id: string } | { email: string } | { webhook_url: string; format?: 'json' | 'slack' | 'teams' };
export interface PolicyStep { delay_minutes: number; targets: Target[]; channels: Channel[] }

export interface EscalationPoliciesTable {
  id: Generated<string>;
  name: string;
  watchlist_id: string | null;
  min_severity: Generated<Severity>;
  steps: Json<PolicyStep[]>;
  repeat: Generated<number>;
  is_default: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  deleted_at: Date | null;
}
export type EscalationPolicyRow = Selectable<EscalationPoliciesTable>;
