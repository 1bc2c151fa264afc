// Sources: RSS/Atom feeds the poller fetches, push sources with their own ingest token, and the
// ambassador source. Feed URLs that resolve to private addresses are refused unless configured.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { audit } from '../audit/audit.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import { assertPublicUrl, type AddressPolicy, UnsafeUrlError, HostResolutionError } from '../collectors/net/address-guard.js';
import type { Config } from '../config/index.js';
import type { DB } from '../db/schema.js';
import type { SourceKind } from '../db/tables/sources.js';
import type { Actor } from '../shared/actor.js';
import { parseScenario } from '../drills/scenario.js';
import { watchlistExists } from '../watchlists/service.js';
import { badRequest, notFound } from '../shared/errors.js';
import { sourcesRepository as repo } from './repository.js';
import { sourceView, type SourceView } from './views.js';

export interface CreateSourceInput { kind: SourceKind; name: string; url?: string; poll_interval_seconds?: number; config?: Record<string, unknown> }
export interface UpdateSourceInput { name?: string; url?: string; poll_interval_seconds?: number; enabled?: boolean; config?: Record<string, unknown> }

export function addressPolicy(config: Readonly<Config>): AddressPolicy {
  return { allowPrivate: config.collectors.allow_private, allowHosts: [...config.collectors.allow_hosts] };
}

export function createSourcesService(db: Kysely<DB>, config: Readonly<Config>, logger: Logger) {
  const policy = addressPolicy(config);

  async function checkFeedUrl(url: string): Promise<string> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('url', 'must be an absolute http(s) URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badRequest('url', 'must be an absolute http(s) URL');
    try {
      await assertPublicUrl(parsed.toString(), policy);
    } catch (err) {
      if (err instanceof UnsafeUrlError) throw badRequest('url', err.message, 'unsafe_url');
      if (err instanceof HostResolutionError) throw badRequest('url', err.message, 'unresolvable_host');
      throw err;
    }
    return parsed.toString();
  }

  function interval(seconds: number | undefined, kind: SourceKind = 'rss'): number {
    // Drills replay local data: they may tick as fast as the scheduler does.
    if (kind === 'replay') return seconds ?? 5;
    const value = seconds ?? config.collectors.default_poll_interval_seconds;
    if (value < config.collectors.min_poll_interval_seconds) {
      throw badRequest('poll_interval_seconds', `must be at least ${config.collectors.min_poll_interval_seconds}`);
    }
    return value;
  }

  /** A replay source carries its scenario and the watchlist it plays into. */
  async function checkReplayConfig(cfg: Record<string, unknown> | undefined): Promise<void> {
    if (!cfg) throw badRequest('config', 'is required for a replay source: {scenario, watchlist_id, speed?}');
    parseScenario(cfg.scenario, 'config.scenario.');
    if (typeof cfg.watchlist_id !== 'string') throw badRequest('config.watchlist_id', 'is required');
    if (!(await watchlistExists(db, cfg.watchlist_id))) throw badRequest('config.watchlist_id', 'no such watchlist');
    if (cfg.speed !== undefined && !(typeof cfg.speed === 'number' && cfg.speed > 0 && cfg.speed <= 1000)) throw badRequest('config.speed', 'must be a number in (0, 1000]');
  }

  return {
    policy,
    checkFeedUrl,

    async create(actor: Actor, input: CreateSourceInput): Promise<SourceView> {
      const name = input.name.trim();
      if (!name) throw badRequest('name', 'must not be empty');
      let url: string | null = null;
      let ingestToken: string | null = null;
      if (input.kind === 'rss') {
        if (!input.url) throw badRequest('url', 'is required for an rss source');
        url = await checkFeedUrl(input.url);
      } else if (input.kind === 'push') {
        if (input.url) throw badRequest('url', 'is only for rss sources');
        ingestToken = generateToken('pf_ing');
      } else if (input.kind === 'replay') {
        await checkReplayConfig(input.config);
      } else {
        throw badRequest('kind', 'must be rss, push or replay');
      }
      const pollable = input.kind === 'rss' || input.kind === 'replay';
      return db.transaction().execute(async (trx) => {
        const row = await repo.insert(trx, {
          kind: input.kind, name, url, poll_interval_seconds: pollable ? interval(input.poll_interval_seconds, input.kind) : null,
          ingest_token_hash: ingestToken ? hashToken(ingestToken) : null, created_by: actor.id,
          next_check_at: pollable ? new Date() : null, ...(input.config ? { config: JSON.stringify(input.config) } : {}),
        });
        await audit(trx, actor, { action: 'source.created', entityType: 'source', entityId: row.id, details: { kind: row.kind, name, url } });
        logger.info({ sourceId: row.id, kind: row.kind }, 'source created');
        return { ...sourceView(row), ...(ingestToken ? { ingest_token: ingestToken } : {}) };
      });
    },

    list: async (): Promise<SourceView[]> => (await repo.list(db, ['rss', 'push', 'replay', 'ambassador'])).map(sourceView),

    async get(id: string): Promise<SourceView> {
      const row = await repo.get(db, id);
      if (!row) throw notFound('source');
      return sourceView(row);
    },

    async update(actor: Actor, id: string, patch: UpdateSourceInput): Promise<SourceView> {
      const current = await repo.get(db, id);
      if (!current) throw notFound('source');
      const changes: Parameters<typeof repo.update>[2] = {};
      if (patch.name !== undefined) changes.name = patch.name.trim() || current.name;
      if (patch.url !== undefined) {
        if (current.kind !== 'rss') throw badRequest('url', 'is only for rss sources');
        changes.url = await checkFeedUrl(patch.url);
        Object.assign(changes, { etag: null, last_modified: null, next_check_at: new Date() });
      }
      if (patch.poll_interval_seconds !== undefined) {
        if (current.kind !== 'rss' && current.kind !== 'replay') throw badRequest('poll_interval_seconds', 'is only for polled sources');
        changes.poll_interval_seconds = interval(patch.poll_interval_seconds, current.kind);
      }
      if (patch.config !== undefined) changes.config = JSON.stringify(patch.config);
      if (patch.enabled !== undefined) {
        changes.enabled = patch.enabled;
        // Re-enabling forgives past failures and checks at once.
        if (patch.enabled) Object.assign(changes, { disabled_reason: null, consecutive_failures: 0, next_check_at: new Date() });
        else changes.disabled_reason = `disabled by ${actor.label}`;
      }
      return db.transaction().execute(async (trx) => {
        const row = await repo.update(trx, id, changes);
        if (!row) throw notFound('source');
        await audit(trx, actor, { action: 'source.updated', entityType: 'source', entityId: id, details: { ...patch } });
        return sourceView(row);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await repo.update(trx, id, { deleted_at: new Date(), enabled: false, ingest_token_hash: null, disabled_reason: 'deleted' });
        if (!row) throw notFound('source');
        await audit(trx, actor, { action: 'source.deleted', entityType: 'source', entityId: id, details: { name: row.name } });
      });
    },

    async rotateToken(actor: Actor, id: string): Promise<SourceView> {
      const current = await repo.get(db, id);
      if (!current) throw notFound('source');
      if (current.kind !== 'push') throw badRequest('kind', 'only push sources have an ingest token');
      const token = generateToken('pf_ing');
      return db.transaction().execute(async (trx) => {
        const row = await repo.update(trx, id, { ingest_token_hash: hashToken(token) });
        await audit(trx, actor, { action: 'source.token_rotated', entityType: 'source', entityId: id });
        return { ...sourceView(row!), ingest_token: token };
      });
    },

    /** Push sources authenticate with their token; a disabled or deleted source's token stops working. */
    async resolveIngestToken(token: string): Promise<{ sourceId: string; sourceName: string } | null> {
      const row = await repo.byIngestTokenHash(db, hashToken(token));
      if (!row || !row.enabled || row.kind !== 'push') return null;
      return { sourceId: row.id, sourceName: row.name };
    },

    ambassadorSource: () => repo.ambassadorSource(db),
  };
}

export type SourcesService = ReturnType<typeof createSourcesService>;
