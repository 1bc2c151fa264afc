// Sources: what the collectors read (rss feeds, social connectors), push sources with their own ingest
// token, and the ambassador source. Each kind's url and config are checked by its entry in the kinds
// registry; secret fields are sealed before they reach the database and only their names are ever shown.
// URLs that resolve to private addresses are refused unless configured.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { audit } from '../audit/audit.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import { assertPublicUrl, type AddressPolicy, UnsafeUrlError, HostResolutionError } from '../collectors/net/address-guard.js';
import type { Config } from '../config/index.js';
import type { DB } from '../db/schema.js';
import type { SourceKind, SourceRow } from '../db/tables/sources.js';
import type { Actor } from '../shared/actor.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { watchlistExists } from '../watchlists/service.js';
import { badRequest, notFound } from '../shared/errors.js';
import { kindSpec, registeredKinds, type CheckedKind, type KindContext, type PreviewResult, type SourceKindSpec } from './kinds/index.js';
import { sourcesRepository as repo } from './repository.js';
import type { SecretBox, SourceSecrets } from './secrets.js';
import { sourceView, type SourceView } from './views.js';

export interface CreateSourceInput { kind: string; name: string; url?: string; poll_interval_seconds?: number; config?: Record<string, unknown> }
export interface UpdateSourceInput { name?: string; url?: string; poll_interval_seconds?: number; enabled?: boolean; config?: Record<string, unknown> }
export interface PreviewInput { kind?: string; url?: string; config?: Record<string, unknown> }

export function addressPolicy(config: Readonly<Config>): AddressPolicy {
  return { allowPrivate: config.collectors.allow_private, allowHosts: [...config.collectors.allow_hosts] };
}

export interface SourcesServiceDeps { secrets: SecretBox; clock?: Clock }

const LISTED_KINDS: SourceKind[] = ['rss', 'push', 'replay', 'ambassador', 'bluesky', 'mastodon', 'reddit', 'hackernews', 'json'];

export function createSourcesService(db: Kysely<DB>, config: Readonly<Config>, logger: Logger, deps: SourcesServiceDeps) {
  const policy = addressPolicy(config);
  const clock = deps.clock ?? systemClock;

  async function checkUrl(url: string, field = 'url', schemes: readonly string[] = ['http:', 'https:']): Promise<string> {
    const expected = `must be an absolute ${schemes.map((s) => s.replace(':', '')).join('/')} URL`;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest(field, expected);
    }
    if (!schemes.includes(parsed.protocol)) throw badRequest(field, expected);
    // A ws(s):// URL is judged by its http(s) twin: same host, same address policy.
    const twin = new URL(parsed.toString());
    if (twin.protocol === 'ws:' || twin.protocol === 'wss:') twin.protocol = twin.protocol === 'wss:' ? 'https:' : 'http:';
    try {
      await assertPublicUrl(twin.toString(), policy);
    } catch (err) {
      if (err instanceof UnsafeUrlError) throw badRequest(field, err.message, 'unsafe_url');
      if (err instanceof HostResolutionError) throw badRequest(field, err.message, 'unresolvable_host');
      throw err;
    }
    return parsed.toString();
  }
  const checkFeedUrl = (url: string) => checkUrl(url);
  const kindContext: KindContext = { checkUrl, watchlistExists: (id) => watchlistExists(db, id) };

  function specOf(kind: string): SourceKindSpec {
    const spec = kindSpec(kind);
    if (!spec) throw badRequest('kind', `must be one of ${registeredKinds().join(', ')}`);
    return spec;
  }

  async function checkKind(kind: string, spec: SourceKindSpec, url: string | undefined, cfg: Record<string, unknown> | undefined, previousSecrets: SourceSecrets): Promise<CheckedKind> {
    if (spec.url === 'none' && url) throw badRequest('url', `is not used by ${kind} sources`);
    if (spec.url === 'required' && !url) throw badRequest('url', `is required for a ${kind} source`);
    if (cfg !== undefined && (typeof cfg !== 'object' || cfg === null || Array.isArray(cfg))) throw badRequest('config', 'must be an object');
    return spec.validate({ url, config: { ...(cfg ?? {}) }, previousSecrets }, kindContext);
  }

  function interval(seconds: number | undefined, kind: string): number {
    // Drills replay local data: they may tick as fast as the scheduler does.
    if (kind === 'replay') return seconds ?? 5;
    const value = seconds ?? config.collectors.default_poll_interval_seconds;
    if (value < config.collectors.min_poll_interval_seconds) {
      throw badRequest('poll_interval_seconds', `must be at least ${config.collectors.min_poll_interval_seconds}`);
    }
    return value;
  }

  async function secretNames(row: SourceRow): Promise<string[]> {
    if (!row.secrets) return [];
    try {
      return Object.keys(await deps.secrets.open(row.secrets));
    } catch {
      // A key change makes old secrets unreadable: show none rather than failing the whole list.
      return [];
    }
  }
  const view = async (row: SourceRow) => sourceView(row, await secretNames(row));
  const seal = async (secrets: SourceSecrets) => (Object.keys(secrets).length ? deps.secrets.seal(secrets) : null);

  return {
    policy,
    checkFeedUrl,

    async create(actor: Actor, input: CreateSourceInput): Promise<SourceView> {
      const name = input.name.trim();
      if (!name) throw badRequest('name', 'must not be empty');
      const spec = specOf(input.kind);
      const kind = input.kind as SourceKind;
      const checked = await checkKind(kind, spec, input.url, input.config, {});
      if (!spec.polled && input.poll_interval_seconds !== undefined) throw badRequest('poll_interval_seconds', 'is only for polled sources');
      const ingestToken = kind === 'push' ? generateToken('pf_ing') : null;
      const sealed = await seal(checked.secrets);
      return db.transaction().execute(async (trx) => {
        const row = await repo.insert(trx, {
          kind, name, url: checked.url, poll_interval_seconds: spec.polled ? interval(input.poll_interval_seconds, kind) : null,
          ingest_token_hash: ingestToken ? hashToken(ingestToken) : null, created_by: actor.id,
          next_check_at: spec.polled ? clock.now() : null, config: JSON.stringify(checked.config), secrets: sealed,
        });
        await audit(trx, actor, { action: 'source.created', entityType: 'source', entityId: row.id, details: { kind, name, url: checked.url, secrets_set: Object.keys(checked.secrets) } });
        logger.info({ sourceId: row.id, kind }, 'source created');
        return { ...sourceView(row, Object.keys(checked.secrets)), ...(ingestToken ? { ingest_token: ingestToken } : {}) };
      });
    },

    list: async (): Promise<SourceView[]> => Promise.all((await repo.list(db, LISTED_KINDS)).map(view)),

    async get(id: string): Promise<SourceView> {
      const row = await repo.get(db, id);
      if (!row) throw notFound('source');
      return view(row);
    },

    async update(actor: Actor, id: string, patch: UpdateSourceInput): Promise<SourceView> {
      const current = await repo.get(db, id);
      if (!current) throw notFound('source');
      const changes: Parameters<typeof repo.update>[2] = {};
      if (patch.name !== undefined) changes.name = patch.name.trim() || current.name;
      let secretsSet: string[] | null = null;
      if (patch.url !== undefined || patch.config !== undefined) {
        const spec = kindSpec(current.kind);
        if (!spec) throw badRequest('kind', `${current.kind} sources cannot be changed`);
        const previous = await deps.secrets.open(current.secrets).catch(() => ({}));
        const checked = await checkKind(current.kind, spec, patch.url ?? current.url ?? undefined, patch.config ?? current.config ?? {}, previous);
        Object.assign(changes, { url: checked.url, config: JSON.stringify(checked.config), secrets: await seal(checked.secrets) });
        secretsSet = Object.keys(checked.secrets);
        // What the source reads changed: forget the validators and the resume point, and look at once.
        if (checked.url !== current.url || JSON.stringify(checked.config) !== JSON.stringify(current.config)) {
          Object.assign(changes, { etag: null, last_modified: null, cursor: null });
        }
        if (spec.polled) changes.next_check_at = clock.now();
      }
      if (patch.poll_interval_seconds !== undefined) {
        if (!kindSpec(current.kind)?.polled) throw badRequest('poll_interval_seconds', 'is only for polled sources');
        changes.poll_interval_seconds = interval(patch.poll_interval_seconds, current.kind);
      }
      if (patch.enabled !== undefined) {
        changes.enabled = patch.enabled;
        // Re-enabling forgives past failures and checks at once.
        if (patch.enabled) Object.assign(changes, { disabled_reason: null, consecutive_failures: 0, next_check_at: clock.now(), state: 'idle' });
        else Object.assign(changes, { disabled_reason: `disabled by ${actor.label}`, state: 'disabled' });
      }
      return db.transaction().execute(async (trx) => {
        const row = await repo.update(trx, id, changes);
        if (!row) throw notFound('source');
        const { config: _config, ...rest } = patch;
        await audit(trx, actor, { action: 'source.updated', entityType: 'source', entityId: id, details: { ...rest, ...(patch.config ? { config_changed: true } : {}), ...(secretsSet ? { secrets_set: secretsSet } : {}) } });
        return secretsSet ? sourceView(row, secretsSet) : view(row);
      });
    },

    /** The first items a source of this kind and config would store, fetched now; nothing is saved. */
    async preview(input: PreviewInput): Promise<PreviewResult> {
      const kind = input.kind ?? 'rss';
      const spec = specOf(kind);
      if (!spec.preview) throw badRequest('kind', `${kind} sources have nothing to preview`);
      const checked = await checkKind(kind, spec, input.url, input.config, {});
      return spec.preview(checked, { logger, config, policy, clock });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = await repo.update(trx, id, { deleted_at: clock.now(), enabled: false, ingest_token_hash: null, disabled_reason: 'deleted', secrets: null, state: 'disabled' });
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
