import type { Generated, Selectable } from 'kysely';

export interface AuthTokensTable {
  id: Generated<string>;
  user_id: string;
  kind: 'api' | 'session';
  token_hash: string;
  label: string | null;
  created_at: Generated<Date>;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}
export type AuthTokenRow = Selectable<AuthTokensTable>;
