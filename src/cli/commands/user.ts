import { ROLES, type Role } from '../../db/tables/users.js';
import { CLI_ACTOR } from '../../shared/actor.js';
import { AppError } from '../../shared/errors.js';
import { CliUsageError, parseCommandArgs, requireOption } from '../args.js';
import { withContext } from '../context.js';

const USAGE = 'usage: pilotfish user add --email E --name N --role admin|crisis|comms|ambassador [--password P] [--lang fr|en]';

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'add') throw new CliUsageError(USAGE);
  const { values } = parseCommandArgs(rest, {
    email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, lang: { type: 'string' },
  });
  const email = requireOption(values, 'email');
  const name = requireOption(values, 'name');
  const role = requireOption(values, 'role') as Role;
  if (!ROLES.includes(role)) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
  const lang = values.lang === 'en' ? 'en' : 'fr';
  try {
    return await withContext(async ({ services }) => {
      const { user, generatedPassword } = await services.auth.createUser(CLI_ACTOR, { email, name, role, password: values.password ?? null, lang });
      process.stdout.write(`${user.id}\n`);
      if (generatedPassword) process.stdout.write(`password: ${generatedPassword}\n`);
      return 0;
    });
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`pilotfish user add: ${err.message}\n`);
      return err.status === 409 ? 3 : 2;
    }
    throw err;
  }
}
