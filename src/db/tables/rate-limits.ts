import type { Generated } from 'kysely';

export interface RateLimitsTable {
  key: string;
  count: Generated<number>;
  reset_at: Date;
}
