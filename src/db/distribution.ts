// The layout of the schema on a distributed PostgreSQL (Citus), on paper (docs/scaling.md) and checked by
// a test against the migrated catalog. Distributed tables are sharded by one column; every other table
// is a reference table (a copy on every node). What a distributed table can keep:
// - every primary key and unique constraint includes its distribution column;
// - a foreign key from it goes to a reference table, or to a co-located distributed table on the
//   distribution column;
// - no reference table has a foreign key to it.
export const DISTRIBUTED_TABLES: Readonly<Record<string, string>> = {
  /** Raw mentions: a source's stream lands on one shard; partitioned by week on each node as well. */
  mentions: 'source_id',
  /** Re-delivery keys travel with their mentions. */
  mention_keys: 'source_id',
  /** Detection counters: one watchlist's buckets on one shard, which is all a detector reads. */
  buckets: 'watchlist_id',
};

/** Distributed tables that share shards (same hash ranges), so joins and FKs between them stay local. */
export const COLOCATED: readonly (readonly string[])[] = [['mentions', 'mention_keys']];

export interface Constraint { table: string; name: string; type: 'p' | 'u' | 'f'; columns: string[]; refTable: string | null; refColumns: string[] }

/** The rules above, applied to the constraints of a schema; returns one message per violation. */
export function distributionViolations(constraints: readonly Constraint[]): string[] {
  const problems: string[] = [];
  const colocated = (a: string, b: string) => a === b || COLOCATED.some((g) => g.includes(a) && g.includes(b));
  for (const c of constraints) {
    const key = DISTRIBUTED_TABLES[c.table];
    if (key && (c.type === 'p' || c.type === 'u') && !c.columns.includes(key)) {
      problems.push(`${c.table}.${c.name}: ${c.type === 'p' ? 'primary key' : 'unique constraint'} (${c.columns.join(', ')}) does not include the distribution column ${key}`);
    }
    if (c.type !== 'f' || !c.refTable) continue;
    const refKey = DISTRIBUTED_TABLES[c.refTable];
    if (!refKey) continue; // to a reference table: always fine
    if (!key) {
      problems.push(`${c.table}.${c.name}: reference table ${c.table} has a foreign key to distributed table ${c.refTable}`);
    } else if (!colocated(c.table, c.refTable) || c.columns.indexOf(key) === -1 || c.columns.indexOf(key) !== c.refColumns.indexOf(refKey)) {
      problems.push(`${c.table}.${c.name}: foreign key between distributed tables ${c.table} and ${c.refTable} is not on co-located distribution columns`);
    }
  }
  return problems;
}
