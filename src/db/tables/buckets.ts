import type { Generated, Selectable } from 'kysely';
import type { JsonDefault } from './json.js';

export interface BucketsTable {
  watchlist_id: string;
  bucket_start: Date;
  bucket_seconds: number;
  count: Generated<number>;
  negative: Generated<number>;
  risk_sum: Generated<number>;
  ambassador_reports: Generated<number>;
  critical_reports: Generated<number>;
  ambassadors: Generated<string[]>;
  terms: JsonDefault<Record<string, number>>;
  sample_ids: Generated<number[]>;
  updated_at: Generated<Date>;
}
export type BucketRow = Selectable<BucketsTable>;
