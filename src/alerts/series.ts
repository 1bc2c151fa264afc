// Chart data for one watchlist: its buckets over a time range and the alerts raised in it.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { notFound } from '../shared/errors.js';

export const MAX_POINTS = 4032;

export async function watchlistSeries(db: Kysely<DB>, watchlistId: string, since: Date, until: Date, bucketSeconds: number) {
  const wl = await db.selectFrom('watchlists').select('id').where('id', '=', watchlistId).executeTakeFirst();
  if (!wl) throw notFound('watchlist');
  const [buckets, alerts] = await Promise.all([
    db.selectFrom('buckets').select(['bucket_start', 'count', 'negative', 'risk_sum', 'ambassador_reports'])
      .where('watchlist_id', '=', watchlistId).where('bucket_start', '>=', since).where('bucket_start', '<', until)
      .orderBy('bucket_start').limit(MAX_POINTS).execute(),
    db.selectFrom('alerts').select(['id', 'opened_at', 'kind', 'severity', 'status'])
      .where('watchlist_id', '=', watchlistId).where('opened_at', '>=', since).where('opened_at', '<', until).orderBy('opened_at').execute(),
  ]);
  return {
    bucket_seconds: bucketSeconds,
    points: buckets.map((b) => ({ t: b.bucket_start.toISOString(), count: b.count, negative: b.negative, risk_sum: b.risk_sum, ambassador_reports: b.ambassador_reports })),
    alerts: alerts.map((a) => ({ ...a, opened_at: a.opened_at.toISOString() })),
  };
}
