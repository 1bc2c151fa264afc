// pilotfish drill FILE: replays a crisis scenario into a watchlist so a crisis team can rehearse. It
// creates a `replay` source; the running service plays it in real time (or faster with --speed).
import { loadScenarioFile } from '../../drills/demo.js';
import { CLI_ACTOR } from '../../shared/actor.js';
import { AppError } from '../../shared/errors.js';
import { CliUsageError, parseCommandArgs } from '../args.js';
import { withContext } from '../context.js';

const USAGE = 'usage: pilotfish drill FILE [--watchlist NAME_OR_ID] [--speed N] [--ambassador EMAIL]';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { watchlist: { type: 'string' }, speed: { type: 'string' }, ambassador: { type: 'string' } }, true);
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliUsageError(USAGE);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!(speed > 0 && speed <= 1000)) throw new CliUsageError('--speed must be a number in (0, 1000]');
  const scenario = loadScenarioFile(file);
  try {
    return await withContext(async ({ services, database }) => {
      const db = database.db;
      const wanted = values.watchlist ?? scenario.watchlist?.name;
      if (!wanted) throw new CliUsageError('the scenario names no watchlist: pass --watchlist NAME_OR_ID');
      let watchlist = await db.selectFrom('watchlists').select(['id', 'name']).where('deleted_at', 'is', null)
        .where((eb) => (/^[0-9a-f-]{36}$/i.test(wanted) ? eb('id', '=', wanted) : eb(eb.fn('lower', ['name']), '=', wanted.toLowerCase()))).executeTakeFirst();
      if (!watchlist) {
        if (!scenario.watchlist) throw new CliUsageError(`no watchlist "${wanted}"`);
        watchlist = await services.watchlists.create(CLI_ACTOR, { name: wanted, query: scenario.watchlist.query });
        process.stdout.write(`created watchlist "${watchlist.name}" (${watchlist.id})\n`);
      }
      let ambassadorId: string | null = null;
      if (values.ambassador) {
        const user = await db.selectFrom('users').select('id').where('email', '=', values.ambassador.toLowerCase()).executeTakeFirst();
        if (!user) throw new CliUsageError(`no user ${values.ambassador}`);
        ambassadorId = user.id;
      }
      const source = await services.sources.create(CLI_ACTOR, {
        kind: 'replay', name: `Drill: ${scenario.name}`, poll_interval_seconds: 5,
        config: { scenario, watchlist_id: watchlist.id, speed, ambassador_id: ambassadorId },
      });
      const minutes = Math.ceil(((scenario.events.at(-1)?.at ?? 0) / speed) / 60);
      process.stdout.write(`drill source ${source.id}: ${scenario.events.length} events into "${watchlist.name}" over about ${minutes} min, played by the running service\n`);
      return 0;
    });
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`pilotfish drill: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
