import { CLI_ACTOR } from '../../shared/actor.js';
import { AppError } from '../../shared/errors.js';
import { CliUsageError, parseCommandArgs, requireOption } from '../args.js';
import { withContext } from '../context.js';

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'create') throw new CliUsageError('usage: pilotfish token create --email E [--label L]');
  const { values } = parseCommandArgs(rest, { email: { type: 'string' }, label: { type: 'string' } });
  const email = requireOption(values, 'email');
  try {
    return await withContext(async ({ services }) => {
      const { token } = await services.auth.createApiToken(CLI_ACTOR, email, values.label ?? 'cli');
      process.stdout.write(`${token}\n`);
      return 0;
    });
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`pilotfish token create: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
