// Delivers the transactional outbox. Rows were written in the transaction of the change that caused them;
// this worker claims due rows (SKIP LOCKED + a lease, so instances never deliver the same row at once),
// delivers after commit, and records the outcome: sent, retried later with backoff and jitter, or
// dead-lettered after the configured number of attempts. Alert deliveries re-check the alert first:
// an acknowledged or resolved alert never pages again.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import { resolvePinnedAddress, type AddressPolicy } from '../collectors/net/address-guard.js';
import type { DB } from '../db/schema.js';
import { json } from '../db/tables/json.js';
import type { NotificationRow } from '../db/tables/notifications.js';
import { DeliveryError, isDeliveryError, renderAlertEmail, renderTalkingPointEmail, sendWebhook, type Mailer } from '../notify/index.js';
import type { AlertMessage, Lang, NotifyEvent, TalkingPointMessage } from '../notify/types.js';
import type { Metrics } from '../observability/metrics.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { retryDelaySeconds } from './backoff.js';

export type OutboxPayload =
  | { kind: 'alert'; lang: Lang; message: AlertMessage }
  | { kind: 'talking_point'; lang: Lang; message: TalkingPointMessage }
  | { kind: 'webhook'; format: 'json' | 'slack' | 'teams'; lang: Lang; event: NotifyEvent };

export interface OutboxOptions { maxAttempts: number; baseDelaySeconds: number; maxDelaySeconds: number; webhookTimeoutMs: number; concurrency?: number; leaseSeconds?: number }
export interface OutboxDeps {
  db: Kysely<DB>; logger: Logger; metrics?: Metrics; clock?: Clock; mailer: Mailer; policy: AddressPolicy; webhookSecret: () => Promise<string>; options: OutboxOptions;
  /** Delivers a `push` row (Web Push); absent, push rows fail as not configured. */
  push?: (n: NotificationRow) => Promise<void>;
}

const INACTIVE_ALERT = new Set(['acknowledged', 'resolved', 'snoozed']);

export function createOutbox(deps: OutboxDeps) {
  const { db, logger, options } = deps;
  const lease = options.leaseSeconds ?? 120;
  const clock = deps.clock ?? systemClock;

  // Due times, leases and backoff all come from the injected clock (the writers of next_attempt_at use it
  // too), so a tick is a function of `now` and tests advance time instead of sleeping.
  async function claim(limit: number): Promise<NotificationRow[]> {
    const now = clock.now();
    const res = await sql<NotificationRow>`
      UPDATE notifications SET attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + lease * 1000)}
      WHERE id IN (SELECT id FROM notifications WHERE status = 'pending' AND next_attempt_at <= ${now}
                   ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING *`.execute(db);
    return res.rows;
  }

  async function deliver(n: NotificationRow): Promise<void> {
    const payload = n.payload as unknown as OutboxPayload;
    if (n.channel === 'push') {
      if (!deps.push) throw new DeliveryError('push notifications are not configured', { code: 'not_configured', retryable: false });
      return deps.push(n);
    }
    if (n.channel === 'email') {
      const rendered = payload.kind === 'alert' ? renderAlertEmail(payload.message, payload.lang)
        : payload.kind === 'talking_point' ? renderTalkingPointEmail(payload.message, payload.lang) : null;
      if (!rendered) throw new DeliveryError(`email notification with a ${payload.kind} payload`, { code: 'invalid_target', retryable: false });
      await deps.mailer.send({ to: n.recipient, subject: rendered.subject, text: rendered.text, html: rendered.html, messageId: n.idempotency_key.replace(/[^A-Za-z0-9.-]/g, '.') });
      return;
    }
    if (payload.kind !== 'webhook') throw new DeliveryError(`webhook notification with a ${payload.kind} payload`, { code: 'invalid_target', retryable: false });
    await sendWebhook(n.recipient, payload.event, {
      secret: await deps.webhookSecret(), format: payload.format, lang: payload.lang, timeoutMs: options.webhookTimeoutMs,
      deliveryId: n.idempotency_key, beforeConnect: (url) => resolvePinnedAddress(url, deps.policy),
    });
  }

  async function stillWanted(n: NotificationRow): Promise<string | null> {
    if (!n.alert_id) return null;
    const alert = await db.selectFrom('alerts').select('status').where('id', '=', n.alert_id).executeTakeFirst();
    return alert && INACTIVE_ALERT.has(alert.status) ? `cancelled: alert ${alert.status}` : null;
  }

  async function record(n: NotificationRow, outcome: 'sent' | 'cancelled' | { error: unknown }): Promise<void> {
    const log = logger.child({ notificationId: n.id, alertId: n.alert_id, talkingPointId: n.talking_point_id, channel: n.channel });
    if (outcome === 'sent' || outcome === 'cancelled') {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('notifications').set({ status: outcome, ...(outcome === 'sent' ? { sent_at: clock.now(), last_error: null } : { last_error: 'cancelled: alert no longer open' }) }).where('id', '=', n.id).execute();
        if (outcome === 'sent' && n.alert_id) await timeline(trx, n, 'notification_sent', {});
      });
      deps.metrics?.notifications.inc({ channel: n.channel, outcome });
      log.info({ attempts: n.attempts }, `notification ${outcome}`);
      return;
    }
    const err = outcome.error;
    if (isDeliveryError(err) && err.code === 'not_configured') return skip(n, err.message);
    const retryable = isDeliveryError(err) ? err.retryable : true;
    const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 500);
    const dead = !retryable || n.attempts >= options.maxAttempts;
    const retryAfter = isDeliveryError(err) ? err.retryAfterSeconds ?? 0 : 0;
    const delay = Math.max(retryAfter, retryDelaySeconds(n.attempts, options.baseDelaySeconds, options.maxDelaySeconds));
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('notifications').set(dead
        ? { status: retryable ? 'dead' : 'failed', last_error: message }
        : { status: 'pending', last_error: message, next_attempt_at: new Date(clock.now().getTime() + delay * 1000) }).where('id', '=', n.id).execute();
      if (dead && n.alert_id) await timeline(trx, n, retryable ? 'dead_lettered' : 'notification_failed', { error: message });
    });
    deps.metrics?.notifications.inc({ channel: n.channel, outcome: dead ? (retryable ? 'dead' : 'failed') : 'retry' });
    log.warn({ attempts: n.attempts, error: message, dead, retryInSeconds: dead ? null : Math.round(delay) }, 'notification delivery failed');
  }

  /** The channel is not configured (no SMTP_URL): nothing was attempted, so nothing failed — say so plainly. */
  async function skip(n: NotificationRow, message: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('notifications').set({ status: 'skipped', last_error: message }).where('id', '=', n.id).execute();
      if (n.alert_id) await timeline(trx, n, 'notification_skipped', { reason: 'not_configured' });
    });
    deps.metrics?.notifications.inc({ channel: n.channel, outcome: 'skipped' });
    logger.info({ notificationId: n.id, alertId: n.alert_id, channel: n.channel }, 'notification skipped: channel not configured');
  }

  async function timeline(trx: Kysely<DB>, n: NotificationRow, type: string, details: Record<string, unknown>): Promise<void> {
    await trx.insertInto('alert_events').values({ alert_id: n.alert_id!, type, actor_id: null, details: json({ channel: n.channel, recipient: n.recipient, step: n.step_index, attempts: n.attempts, ...details }) }).execute();
  }

  async function processOne(n: NotificationRow): Promise<void> {
    try {
      if (await stillWanted(n)) return await record(n, 'cancelled');
      await deliver(n);
      await record(n, 'sent');
    } catch (err) {
      await record(n, { error: err }).catch((e) => logger.error({ err: e, notificationId: n.id }, 'could not record the delivery outcome'));
    }
  }

  /** Delivers what is due now; returns how many rows were handled. */
  async function tick(limit = 100): Promise<number> {
    const rows = await claim(limit);
    const concurrency = options.concurrency ?? 8;
    for (let i = 0; i < rows.length; i += concurrency) await Promise.all(rows.slice(i, i + concurrency).map(processOne));
    return rows.length;
  }

  return { tick };
}

export type Outbox = ReturnType<typeof createOutbox>;

/** The webhook signing secret: from configuration, or generated once and kept in the settings table. */
export function webhookSecretProvider(db: Kysely<DB>, configured: string): () => Promise<string> {
  let cached: string | null = configured || null;
  return async () => {
    if (cached) return cached;
    const generated = randomBytes(32).toString('base64url');
    await db.insertInto('settings').values({ key: 'webhook_secret', value: json(generated) }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'webhook_secret').executeTakeFirstOrThrow();
    cached = row.value as string;
    return cached;
  };
}
