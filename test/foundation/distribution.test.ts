// The migrated schema obeys the distributed layout of docs/scaling.md: no primary key, unique constraint
// or foreign key that a Citus distributed table could not keep. A new migration adding, say, a foreign key
// to mentions or a unique index on buckets without watchlist_id fails here.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRIBUTED_TABLES, distributionViolations, type Constraint } from '../../src/db/distribution.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => t?.drop());

async function constraints(): Promise<Constraint[]> {
  // Constraints, plus unique indexes that are not constraints (CREATE UNIQUE INDEX), of public tables
  // (partitions excluded: they carry their parent's).
  const rows = await sql<{ table: string; name: string; type: 'p' | 'u' | 'f'; columns: string[]; ref_table: string | null; ref_columns: string[] | null }>`
    SELECT c.relname AS table, k.conname AS name, k.contype AS type,
           ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o) AS columns,
           r.relname AS ref_table,
           ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) AS ref_columns
    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
    LEFT JOIN pg_class r ON r.oid = k.confrelid
    WHERE ns.nspname = 'public' AND k.contype IN ('p', 'u', 'f') AND NOT c.relispartition AND k.conparentid = 0
    UNION ALL
    SELECT c.relname, ic.relname, 'u',
           ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n ORDER BY u.o),
           NULL, NULL
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
    WHERE ns.nspname = 'public' AND i.indisunique AND NOT c.relispartition
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`.execute(t.database.db);
  return rows.rows.map((r) => ({ table: r.table, name: r.name, type: r.type, columns: r.columns, refTable: r.ref_table, refColumns: r.ref_columns ?? [] }));
}

describe('distributed layout', () => {
  it('every distributed table exists with its distribution column', async () => {
    for (const [table, column] of Object.entries(DISTRIBUTED_TABLES)) {
      const found = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} AND column_name = ${column}`.execute(t.database.db);
      expect(found.rows[0]!.n, `${table}.${column}`).toBe(1);
    }
  });

  it('has no constraint a distributed table could not keep', async () => {
    const all = await constraints();
    expect(all.some((c) => c.table === 'mentions' && c.type === 'p')).toBe(true);
    expect(distributionViolations(all)).toEqual([]);
  });

  it('the check sees the violations it is meant to catch', () => {
    expect(distributionViolations([
      { table: 'buckets', name: 'b_uniq', type: 'u', columns: ['bucket_start'], refTable: null, refColumns: [] },
      { table: 'signals', name: 'signals_mention_fk', type: 'f', columns: ['mention_id'], refTable: 'mentions', refColumns: ['id'] },
      { table: 'buckets', name: 'b_m_fk', type: 'f', columns: ['watchlist_id'], refTable: 'mentions', refColumns: ['source_id'] },
      { table: 'mentions', name: 'm_src_fk', type: 'f', columns: ['source_id'], refTable: 'sources', refColumns: ['id'] },
    ])).toEqual([
      expect.stringContaining('buckets.b_uniq'),
      expect.stringContaining('signals.signals_mention_fk'),
      expect.stringContaining('buckets.b_m_fk'),
    ]);
  });
});
