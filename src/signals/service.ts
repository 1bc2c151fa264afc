// Ambassador signals: a weak signal reported by an employee. Stored as a mention of the ambassador source
// (so it is scored, matched and counted in the buckets with its own weight) plus a signal row with what
// only a report has (severity, channel, reporter), and announced on the stream — all in one transaction.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../shared/clock.js';
import { audit } from '../audit/audit.js';
import type { AuthenticatedUser } from '../auth/service.js';
import type { DB } from '../db/schema.js';
import type { SignalRow, SignalSeverity } from '../db/tables/signals.js';
import { appendEvent } from '../events/repository.js';
import type { IngestService } from '../ingest/pipeline.js';
import { validateUrl } from '../ingest/validate.js';
import type { SourcesService } from '../sources/service.js';
import { watchlistExists } from '../watchlists/service.js';
import { badRequest } from '../shared/errors.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Config } from '../config/index.js';
import type { LinkPreview } from '../db/tables/ambassador.js';
import { json } from '../db/tables/json.js';
import { fetchLinkPreview } from './link-preview.js';
import type { SignalView } from './types.js';

export interface ReportSignalInput {
  text: string; url?: string | null; channel?: string | null; severity: SignalSeverity; watchlist_id?: string | null;
  /** Chosen on the phone (a report written offline and sent later): the same id is the same signal. */
  client_id?: string | null;
}
export interface ReportResult { signal: SignalView; created: boolean }

export type { SignalView } from './types.js';

export function signalView(row: SignalRow, reporterName: string, score?: { sentiment: number; label: string; risk: number }): SignalView {
  return {
    id: row.id, text: row.text, url: row.url, channel: row.channel, severity: row.severity, watchlist_id: row.watchlist_id,
    watchlist_ids: row.watchlist_ids, mention_id: row.mention_id, reporter: { id: row.user_id, name: reporterName },
    created_at: row.created_at.toISOString(), preview: row.preview ?? null, preview_error: row.preview_error ?? null, ...(score ?? {}),
  };
}

export function createSignalsService(db: Kysely<DB>, deps: { ingest: IngestService; sources: SourcesService; logger: Logger; config: Readonly<Config>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  /** Before the report is stored, so that it reaches the dashboard with its preview; never fails the report. */
  async function previewOf(url: string | null): Promise<{ preview: LinkPreview | null; preview_error: string | null }> {
    const c = deps.config;
    if (!url || !c.signals.preview_enabled) return { preview: null, preview_error: null };
    const outcome = await fetchLinkPreview(url, {
      timeoutMs: c.signals.preview_timeout_ms, maxBytes: c.signals.preview_max_bytes, maxRedirects: c.collectors.max_redirects,
      userAgent: c.collectors.user_agent, policy: deps.sources.policy,
    });
    if (outcome.ok) return { preview: outcome.preview, preview_error: null };
    deps.logger.info({ url, reason: outcome.error }, 'link preview unavailable');
    return { preview: null, preview_error: outcome.error };
  }

  async function findByClientId(user: AuthenticatedUser, clientId: string): Promise<SignalView | null> {
    const row = await db.selectFrom('signals').selectAll().where('user_id', '=', user.id).where('client_id', '=', clientId).executeTakeFirst();
    return row ? signalView(row, user.name) : null;
  }

  return {
    /** Files a report; a report whose client_id this user already sent returns the stored one (created: false). */
    async report(user: AuthenticatedUser, input: ReportSignalInput): Promise<ReportResult> {
      const clientId = input.client_id ?? null;
      if (clientId) {
        const existing = await findByClientId(user, clientId);
        if (existing) return { signal: existing, created: false };
      }
      const text = input.text.trim();
      if (!text) throw badRequest('text', 'must not be empty');
      const url = input.url?.trim() || null;
      if (url && !validateUrl(url)) throw badRequest('url', 'must be an http(s) URL');
      if (input.watchlist_id) {
        if (!(await watchlistExists(db, input.watchlist_id))) throw badRequest('watchlist_id', 'no such watchlist');
      }
      const source = await deps.sources.ambassadorSource();
      const { preview, preview_error } = await previewOf(url);
      const id = randomUUID();
      let view: SignalView | null = null;
      try {
        await storeSignal();
      } catch (err) {
        // Two deliveries of one offline report racing: the loser answers with the winner's signal.
        const existing = clientId && isUniqueViolation(err) ? await findByClientId(user, clientId) : null;
        if (existing) return { signal: existing, created: false };
        throw err;
      }
      deps.logger.info({ signalId: id, userId: user.id, severity: input.severity, replayable: clientId !== null }, 'signal reported');
      return { signal: view!, created: true };

      async function storeSignal(): Promise<void> {
      await deps.ingest.store({ id: source.id, kind: 'ambassador' }, [{
        // A replayed report maps to the same mention too, so ingest's own dedupe never counts it twice.
        external_id: clientId ? `${user.id}:${clientId}` : id, text, author: user.name, url, published_at: clock.now(), lang: null,
        signal: { userId: user.id, severity: input.severity, watchlistId: input.watchlist_id ?? null },
      }], async (trx, stored) => {
        const item = stored[0];
        const row = await trx.insertInto('signals').values({
          id, mention_id: item?.id ?? null, user_id: user.id, created_at: clock.now(), text, url, channel: input.channel?.trim() || null,
          severity: input.severity, watchlist_id: input.watchlist_id ?? null, watchlist_ids: item?.scored.watchlists.map((w) => w.id) ?? [],
          client_id: clientId, preview: preview ? json(preview) : null, preview_error,
        }).returningAll().executeTakeFirstOrThrow();
        view = signalView(row, user.name, item ? { sentiment: item.scored.sentiment, label: item.scored.label, risk: item.scored.risk } : undefined);
        await audit(trx, { id: user.id, label: user.email, role: user.role }, { action: 'signal.reported', entityType: 'signal', entityId: id, details: { severity: input.severity } });
        await appendEvent(trx, 'signal.reported', view, { roles: ['crisis', 'comms', 'admin'], userIds: [user.id] });
      });
      }
    },

    async list(filter: { since?: Date; userId?: string; limit: number }): Promise<SignalView[]> {
      let q = db.selectFrom('signals as s').innerJoin('users as u', 'u.id', 's.user_id').selectAll('s').select('u.name as reporter_name')
        .orderBy('s.created_at', 'desc').limit(filter.limit);
      if (filter.since) q = q.where('s.created_at', '>=', filter.since);
      if (filter.userId) q = q.where('s.user_id', '=', filter.userId);
      const rows = await q.execute();
      return rows.map((r) => signalView(r, r.reporter_name));
    },
  };
}

export type SignalsService = ReturnType<typeof createSignalsService>;
