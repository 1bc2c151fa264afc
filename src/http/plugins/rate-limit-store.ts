// A store for @fastify/rate-limit that keeps its counters in PostgreSQL (src/ratelimit/repository.ts),
// so the login and signal limits hold across every instance instead of multiplying with them.
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { deleteExpired, hit } from '../../ratelimit/repository.js';

interface RouteParams { routeInfo?: { url?: string; method?: string | string[] } }
type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

export function postgresRateLimitStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  let hits = 0;
  return class PostgresRateLimitStore {
    constructor(private readonly params: RouteParams | object = {}) {}

    /** One store per route, so each route has its own counters for the same client key. */
    child(params: object) {
      return new PostgresRateLimitStore(params as RouteParams);
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const info = (this.params as RouteParams).routeInfo;
      const route = info ? `${String(info.method)} ${info.url}` : 'global';
      hit(db, `${route}|${key}`, timeWindow)
        .then((h) => cb(null, { current: h.current, ttl: h.ttlMs }))
        .catch((err: Error) => cb(err));
      // Now and then, forget windows that ended long ago.
      if (++hits % 500 === 0) void deleteExpired(db).catch(() => undefined);
    }
  };
}
