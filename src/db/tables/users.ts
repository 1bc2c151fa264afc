import type { ColumnType, Generated, Selectable } from 'kysely';

import type { Role } from '../../contract/enums.js';

export { ROLES, type Role } from '../../contract/enums.js';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  lang: ColumnType<'fr' | 'en', 'fr' | 'en' | undefined>;
  disabled_at: Date | null;
  must_change_password: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  invited_at: Date | null;
  oidc_subject: string | null;
}
export type UserRow = Selectable<UsersTable>;
