// The `replay` source kind: each poll emits the scenario events that are due since the drill started,
// filed under the drill's watchlist. Mentions are idempotent by event index; ambassador reports are
// remembered in the source config so each is filed once. When the scenario is over, the source disables
// itself with the reason "drill finished".
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AuthenticatedUser } from '../auth/service.js';
import type { SourceHandler } from '../collectors/poller.js';
import type { DB } from '../db/schema.js';
import type { SourceRow } from '../db/tables/sources.js';
import type { ValidMention } from '../ingest/types.js';
import type { SignalsService } from '../signals/service.js';
import { sourcesRepository } from '../sources/repository.js';
import { dueEvents, eventTime, parseScenario } from './scenario.js';

export interface ReplayConfig { scenario: unknown; watchlist_id: string; speed?: number; started_at?: string; ambassador_id?: string | null; signals_done?: number[] }

async function ambassador(db: Kysely<DB>, id: string | null | undefined): Promise<AuthenticatedUser | null> {
  if (!id) return null;
  const u = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'lang']).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
  return u ? { ...u, tokenKind: 'api' } : null;
}

export function createReplayHandler(deps: { db: Kysely<DB>; signals: SignalsService; logger: Logger }): SourceHandler {
  return async (source: SourceRow, now: Date) => {
    const config = source.config as unknown as ReplayConfig;
    const scenario = parseScenario(config.scenario);
    const speed = config.speed && config.speed > 0 ? config.speed : 1;
    // The drill starts at its first poll, not at creation: a drill created while the service is down
    // still plays from the beginning.
    const startedAt = config.started_at ? new Date(config.started_at) : now;
    const done = new Set(config.signals_done ?? []);
    const due = dueEvents(scenario, now.getTime() - startedAt.getTime(), speed);
    const mentions: ValidMention[] = [];
    const reporter = await ambassador(deps.db, config.ambassador_id);
    for (const i of due) {
      const e = scenario.events[i]!;
      if (e.signal) {
        if (done.has(i) || !reporter) continue;
        await deps.signals.report(reporter, { text: e.text, severity: e.signal.severity, channel: e.signal.channel ?? null, watchlist_id: config.watchlist_id });
        done.add(i);
        continue;
      }
      mentions.push({
        external_id: `event-${i}`, text: e.text, author: e.author ?? null, url: e.url ?? null,
        published_at: eventTime(startedAt, e, speed), lang: e.lang ?? null, watchlistIds: [config.watchlist_id],
      });
    }
    const finished = due.length === scenario.events.length;
    await sourcesRepository.update(deps.db, source.id, {
      config: JSON.stringify({ ...config, started_at: startedAt.toISOString(), signals_done: [...done] }),
      ...(finished ? { enabled: false, disabled_reason: 'drill finished' } : {}),
    });
    if (finished) deps.logger.info({ sourceId: source.id, scenario: scenario.name }, 'drill finished');
    return { mentions };
  };
}
