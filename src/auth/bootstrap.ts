// First start with no users: create the admin from ADMIN_EMAIL / ADMIN_PASSWORD, or generate one. Its
// credentials are printed once (to stdout, never to the log stream), in the block that also gives the
// address to open, printed when the server listens.
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { SYSTEM_ACTOR } from '../shared/actor.js';
import type { AuthService } from './service.js';

export interface FirstAdmin { email: string; generatedPassword: string | null }

export async function bootstrapAdmin(config: Readonly<Config>, auth: AuthService, logger: Logger): Promise<FirstAdmin | null> {
  if ((await auth.countUsers()) > 0) return null;
  const email = config.admin_email || 'admin@pilotfish.local';
  const password = config.admin_password || null;
  const { user, generatedPassword } = await auth.createUser(SYSTEM_ACTOR, { email, name: 'Administrator', role: 'admin', password, lang: 'fr' });
  logger.info({ userId: user.id }, 'first admin created');
  return { email, generatedPassword };
}

const RULE = '─'.repeat(72);

/**
 * The first start's welcome: where to open Pilotfish and how to sign in, framed so it stands out between
 * JSON log lines. `extra` holds further lines (the demo users).
 */
export function welcomeBlock(url: string, admin: FirstAdmin, extra: string[] = []): string {
  const lines = [
    `Pilotfish is running: open ${url}`,
    '',
    'First start: an administrator was created.',
    `  email:    ${admin.email}`,
    admin.generatedPassword
      ? `  password: ${admin.generatedPassword}`
      : '  password: the one given in ADMIN_PASSWORD',
    ...(admin.generatedPassword ? ['  Shown once: you will be asked to choose your own password when you sign in.'] : []),
    ...(extra.length > 0 ? ['', ...extra] : []),
  ];
  return ['', `┌${RULE}`, ...lines.map((l) => (l ? `│ ${l}` : '│')), `└${RULE}`, '', ''].join('\n');
}
