export { openDatabase, withTimeout, type Database, type DatabaseKind, type OpenOptions } from './database.js';
export { migrate, loadMigrations, MigrationError } from './migrate.js';
export type { DB } from './schema.js';
export { json } from './tables/json.js';
