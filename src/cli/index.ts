// The `pilotfish` command line. Each command lives in its own module and is loaded lazily, so that
// `pilotfish score` or `pilotfish backtest` never pay for loading the HTTP server or the database driver.
import { CliUsageError } from './args.js';

export type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<{ run: Command }> }> = {
  score: { summary: 'score NDJSON {"id","text","lang"?} from stdin', load: () => import('./commands/score.js') },
  backtest: { summary: 'run the detector over a timestamp,value CSV', load: () => import('./commands/backtest.js') },
  'parse-feed': { summary: 'parse RSS/Atom/RDF files or URLs', load: () => import('./commands/parse-feed.js') },
  migrate: { summary: 'apply pending database migrations', load: () => import('./commands/migrate.js') },
  user: { summary: 'user add --email E --name N --role R [--password P]', load: () => import('./commands/user.js') },
  token: { summary: 'token create --email E', load: () => import('./commands/token.js') },
  drill: { summary: 'replay a crisis scenario into a watchlist', load: () => import('./commands/drill.js') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `usage: pilotfish <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`pilotfish: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    const { run } = await command.load();
    return await run(rest);
  } catch (err) {
    if (err instanceof CliUsageError) {
      process.stderr.write(`pilotfish ${name}: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`pilotfish ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
