// First start with no users: create the admin from ADMIN_EMAIL / ADMIN_PASSWORD, or generate one and
// print its credentials once (to stdout, never to the log stream).
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { SYSTEM_ACTOR } from '../shared/actor.js';
import type { AuthService } from './service.js';

export async function bootstrapAdmin(config: Readonly<Config>, auth: AuthService, logger: Logger, print: (text: string) => void): Promise<boolean> {
  if ((await auth.countUsers()) > 0) return false;
  const email = config.admin_email || 'admin@pilotfish.local';
  const password = config.admin_password || null;
  const { user, generatedPassword } = await auth.createUser(SYSTEM_ACTOR, { email, name: 'Administrator', role: 'admin', password, lang: 'fr' });
  logger.info({ userId: user.id }, 'first admin created');
  if (generatedPassword) {
    print(`\n  First start: an administrator was created.\n    email:    ${email}\n    password: ${generatedPassword}\n  (shown once; change it after signing in)\n\n`);
  }
  return true;
}
