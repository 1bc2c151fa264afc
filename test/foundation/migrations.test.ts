import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, MigrationError, openDatabase } from '../../src/db/index.js';
import { createTestDatabase, isPostgres, type TestDatabase } from '../support/database.js';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => t?.drop());

describe('migrations', () => {
  it('are all applied on a fresh database and re-running applies nothing', async () => {
    const names = loadMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(await migrate(t.database)).toEqual([]);
    const rows = await t.database.withSession((s) => s.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY version'));
    expect(rows.map((r) => r.name)).toEqual(names);
  });

  it('refuse to run when an applied migration was edited', async () => {
    const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(t.database, undefined, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(t.database, undefined, edited)).rejects.toThrow(/0001_foundation was edited/);
  });

  it('roll back a failing migration entirely', async () => {
    const broken = [...loadMigrations(), { version: 9999, name: '9999_broken', checksum: 'x', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;' }];
    await expect(migrate(t.database, undefined, broken)).rejects.toThrow(/9999_broken failed/);
    const rows = await t.database.withSession((s) => s.query("SELECT to_regclass('half_done') AS t"));
    expect(rows[0]).toEqual({ t: null });
  });

  it.runIf(isPostgres())('two instances starting together apply each migration once (advisory lock)', async () => {
    const fresh = await createTestDatabase();
    try {
      // Start from an empty schema: drop what the template brought.
      await fresh.database.withSession((s) => s.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
      const a = await openDatabase({ databaseUrl: fresh.url!, poolSize: 2 });
      const b = await openDatabase({ databaseUrl: fresh.url!, poolSize: 2 });
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([...ra, ...rb].sort()).toEqual(loadMigrations().map((m) => m.name).sort());
      expect(Math.min(ra.length, rb.length)).toBe(0);
      await a.close();
      await b.close();
    } finally {
      await fresh.drop();
    }
  });
});

describe('audit log', () => {
  it('is append-only', async () => {
    const db = t.database.db;
    await db.insertInto('audit_log').values({ actor_label: 'test', action: 'x.done', entity_type: 'x', details: '{}' }).execute();
    await expect(db.updateTable('audit_log').set({ action: 'tampered' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});
