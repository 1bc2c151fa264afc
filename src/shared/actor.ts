import type { Role } from '../db/tables/users.js';

/** Who is doing something: a signed-in user, the CLI, or the service itself. Recorded in the audit log. */
export interface Actor {
  id: string | null;
  label: string;
  role: Role | 'system';
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system', role: 'system' };
export const CLI_ACTOR: Actor = { id: null, label: 'cli', role: 'system' };
