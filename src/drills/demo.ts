// First run: on an empty database (and unless DEMO=false), a working demo — one user per role, a
// watchlist, an escalation policy that escalates after a minute, and a drill source replaying the bundled
// French/English crisis scenario. Credentials are printed once.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Role } from '../db/tables/users.js';
import type { Services } from '../services.js';
import { SYSTEM_ACTOR } from '../shared/actor.js';
import { parseScenario, type Scenario } from './scenario.js';

export const DEMO_SCENARIO_PATH = fileURLToPath(new URL('../../scenarios/demo-crisis.json', import.meta.url));

export function loadScenarioFile(path: string): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read scenario ${path}: ${(err as Error).message}`);
  }
  return parseScenario(raw);
}

const DEMO_USERS: { role: Role; email: string; name: string }[] = [
  { role: 'crisis', email: 'crisis@demo.pilotfish.local', name: 'Camille Martin' },
  { role: 'comms', email: 'comms@demo.pilotfish.local', name: 'Hugo Bernard' },
  { role: 'ambassador', email: 'ambassador@demo.pilotfish.local', name: 'Inès Petit' },
];

export async function createDemo(services: Services, logger: Logger, print: (text: string) => void): Promise<void> {
  const scenario = loadScenarioFile(DEMO_SCENARIO_PATH);
  const lines: string[] = [];
  const ids: Partial<Record<Role, string>> = {};
  for (const u of DEMO_USERS) {
    const { user, generatedPassword } = await services.auth.createUser(SYSTEM_ACTOR, { ...u, lang: 'fr' });
    ids[u.role] = user.id;
    lines.push(`    ${u.role.padEnd(11)} ${u.email.padEnd(34)} ${generatedPassword}`);
  }
  const watchlist = await services.watchlists.create(SYSTEM_ACTOR, { name: scenario.watchlist?.name ?? 'Demo', query: scenario.watchlist?.query ?? 'morel' });
  await services.policies.create(SYSTEM_ACTOR, {
    name: 'Demo: crisis team, then admin and comms after 1 minute', is_default: true, steps: [
      { delay_minutes: 0, targets: [{ role: 'crisis' }], channels: ['ws', 'email'] },
      { delay_minutes: 1, targets: [{ role: 'admin' }, { role: 'comms' }], channels: ['ws', 'email'] },
    ],
  });
  const group = await services.groups.create(SYSTEM_ACTOR, { name: 'Ambassadeurs Normandie', kind: 'team' });
  await services.groups.addMembers(SYSTEM_ACTOR, group.id, [ids.ambassador!]);
  await services.sources.create(SYSTEM_ACTOR, {
    kind: 'replay', name: `Drill: ${scenario.name}`, poll_interval_seconds: 5,
    config: { scenario, watchlist_id: watchlist.id, speed: 1, ambassador_id: ids.ambassador },
  });
  logger.info({ watchlistId: watchlist.id }, 'demo created');
  print([
    '',
    '  Demo mode (DEMO=false to turn it off): a drill replays a fictional crisis over the next three minutes.',
    '  Demo users (shown once):',
    ...lines,
    '  Open the dashboard as the crisis user, the ambassador page on a phone as the ambassador.',
    '',
  ].join('\n') + '\n');
}
