import { pino } from 'pino';
import { loadConfig } from '../../config/index.js';
import { migrate, openDatabase } from '../../db/index.js';
import { parseCommandArgs } from '../args.js';

export async function run(argv: string[]): Promise<number> {
  parseCommandArgs(argv, {});
  const config = loadConfig();
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const database = await openDatabase({ databaseUrl: config.database_url || null, dataDir: config.data_dir, logger, poolSize: 1 });
  try {
    const applied = await migrate(database, logger);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
    return 0;
  } finally {
    await database.close();
  }
}
