import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { unavailable } from '../../shared/errors.js';
import { actorOf } from '../plugins/auth.js';
import { IdParams, responses } from '../schemas/common.js';
import { CreateWatchlistBody, TestQueryBody, TestQueryResult, UpdateWatchlistBody, WatchlistSchema } from '../schemas/watchlists.js';

const MAX_CONCURRENT_TESTS = 2;
const editors = { roles: ['admin', 'crisis'] } as const;

/** Ambassadors see a watchlist's name, not its query or risk terms (which say what the crisis team watches for). */
function forRole<W extends { query?: string; risk_terms?: unknown }>(w: W, role: string | undefined): W {
  if (role !== 'ambassador') return w;
  const { query: _query, risk_terms: _terms, ...rest } = w;
  return rest as W;
}

export const watchlistRoutes: FastifyPluginAsyncTypebox<{ deps: AppDeps }> = async (app, { deps }) => {
  const watchlists = deps.services.watchlists;
  let testsRunning = 0;

  app.post('/api/v1/watchlists', {
    config: { access: editors },
    schema: { tags: ['watchlists'], summary: 'Create a watchlist (query syntax errors: 400 with the position)', body: CreateWatchlistBody, response: responses({ 201: WatchlistSchema }, [400, 401, 403, 409]) },
  }, async (request, reply) => reply.status(201).send(await watchlists.create(actorOf(request), request.body)));

  app.get('/api/v1/watchlists', {
    config: { access: 'authenticated' },
    schema: { tags: ['watchlists'], summary: 'All watchlists', response: responses({ 200: Type.Object({ items: Type.Array(WatchlistSchema) }) }, [401]) },
  }, async (request) => ({ items: (await watchlists.list()).map((w) => forRole(w, request.user?.role)) }));

  app.get('/api/v1/watchlists/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['watchlists'], summary: 'One watchlist', params: IdParams, response: responses({ 200: WatchlistSchema }, [400, 401, 404]) },
  }, async (request) => forRole(await watchlists.get(request.params.id), request.user?.role));

  app.patch('/api/v1/watchlists/:id', {
    config: { access: editors },
    schema: { tags: ['watchlists'], summary: 'Change a watchlist', params: IdParams, body: UpdateWatchlistBody, response: responses({ 200: WatchlistSchema }, [400, 401, 403, 404, 409]) },
  }, async (request) => watchlists.update(actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/watchlists/:id', {
    config: { access: editors },
    schema: { tags: ['watchlists'], summary: 'Delete a watchlist (its alerts and buckets stay)', params: IdParams, response: responses({ 204: Type.Null() }) },
  }, async (request, reply) => {
    await watchlists.remove(actorOf(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/v1/watchlists/test', {
    config: { access: editors },
    schema: { tags: ['watchlists'], summary: 'Run a query against recent mentions: what would it catch?', body: TestQueryBody, response: responses({ 200: TestQueryResult }, [400, 401, 403]) },
  }, async (request) => {
    // Bounded work: a few test runs at once per process; more wait for a retry rather than pile up.
    if (testsRunning >= MAX_CONCURRENT_TESTS) throw unavailable('too many query tests running; retry shortly', 2);
    testsRunning++;
    try {
      return await watchlists.test(request.body.query, { days: request.body.days ?? 7, scan: 5000, limit: request.body.limit ?? 20 });
    } finally {
      testsRunning--;
    }
  });
};
