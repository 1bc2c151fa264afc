// Distribution of a point being published, inside the publish transaction: a receipt per ambassador in
// the audience, the talking_point.published stream event, and one outbox email per recipient. The outbox
// worker delivers the emails after commit; a rollback leaves nothing behind.
//
// Priority ("flagged first"): an ambassador is flagged when they reported a signal linked to what the point
// is about. The point's linked alerts are the alerts of its incident plus its alert_ids; a signal is linked
// when it was filed under one of those alerts' watchlists (its chosen watchlist or one its text matched) or
// when its mention is one of the alerts' sample mentions, and it was reported at most PRIORITY_LOOKBACK
// before the first linked alert opened (older reports on the same watchlist are about something else).
// Flagged recipients come first in the receipts and their emails are due immediately; the others one
// second later, so a busy outbox sends the flagged ones first.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { appendEvent } from '../events/repository.js';
import { enqueueTalkingPointPushes } from '../push/enqueue.js';
import { buildMessage } from './message.js';
import type { PointRecord } from './repository.js';
import { receiptsRepository, type LinkedAlert } from './receipts-repository.js';
import type { TalkingPointView } from './types.js';

export const PRIORITY_LOOKBACK_MS = 72 * 3600_000;
const NON_PRIORITY_DELAY_MS = 1000;

export interface DistributionContext {
  baseUrl: string;
  now: Date;
  /** The id of the version this one replaces, said in the email. */
  supersedes: string | null;
  incidentTitle: string | null;
  /** The published point as the stream shows it. */
  view: TalkingPointView;
}

export interface DistributionResult { recipients: number; priority: number }

/** Watchlists, sample mentions and start time of the alerts a point is linked to. */
export function signalLink(alerts: LinkedAlert[]): { watchlistIds: string[]; mentionIds: number[]; since: Date } | null {
  if (alerts.length === 0) return null;
  const watchlistIds = [...new Set(alerts.map((a) => a.watchlist_id).filter((w): w is string => w !== null))];
  const mentionIds = new Set<number>();
  for (const a of alerts) {
    const samples = a.explanation.sample_mention_ids;
    if (!Array.isArray(samples)) continue;
    for (const s of samples) {
      const n = Number(s);
      if (Number.isSafeInteger(n) && n > 0) mentionIds.add(n);
    }
  }
  const firstOpened = Math.min(...alerts.map((a) => a.opened_at.getTime()));
  return { watchlistIds, mentionIds: [...mentionIds], since: new Date(firstOpened - PRIORITY_LOOKBACK_MS) };
}

async function priorityUserIds(db: Kysely<DB>, point: PointRecord): Promise<Set<string>> {
  const link = signalLink(await receiptsRepository.linkedAlerts(db, point.incident_id, point.alert_ids));
  return new Set(link ? await receiptsRepository.signalReporters(db, link) : []);
}

export async function distribute(trx: Kysely<DB>, point: PointRecord, ctx: DistributionContext): Promise<DistributionResult> {
  const members = await receiptsRepository.audienceMembers(trx, point.audience);
  const flagged = await priorityUserIds(trx, point);
  const ordered = [...members].sort((a, b) => Number(flagged.has(b.id)) - Number(flagged.has(a.id)));
  await receiptsRepository.insertReceipts(trx, point.id, ordered.map((m) => ({ user_id: m.id, priority: flagged.has(m.id) })), ctx.now);
  await appendEvent(trx, 'talking_point.published', ctx.view, {
    roles: ['comms', 'crisis', 'admin'], userIds: ordered.map((m) => m.id),
  });
  const later = new Date(ctx.now.getTime() + NON_PRIORITY_DELAY_MS);
  await receiptsRepository.insertNotifications(trx, ordered.map((m) => ({
    talking_point_id: point.id,
    user_id: m.id,
    recipient: m.email,
    idempotency_key: `tp:${point.id}:${m.id}:email`,
    payload: { kind: 'talking_point', lang: m.lang, message: buildMessage(point, m.lang, ctx) },
    next_attempt_at: flagged.has(m.id) ? ctx.now : later,
  })));
  // And a push to each of their devices that subscribed (Web Push), in each recipient's language.
  await enqueueTalkingPointPushes(trx, point, ordered.map((m) => m.id), ctx.baseUrl);
  return { recipients: ordered.length, priority: ordered.filter((m) => flagged.has(m.id)).length };
}
