// Push subscriptions (one per device) and the outbox rows that deliver to them.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { json } from '../db/tables/json.js';
import type { PushMessage } from './texts.js';
import type { Lang } from '../notify/types.js';

export interface NewSubscription { user_id: string; endpoint: string; p256dh: string; auth: string; alerts: boolean; user_agent: string | null }
export interface PushTarget { user_id: string; subscription_id: string; lang: Lang }
export interface PushPayload { kind: 'push'; lang: Lang; message: PushMessage }

export const pushRepository = {
  /** A device subscribing again (new keys, or now another user on a shared phone) replaces its row. */
  upsert: (db: Kysely<DB>, s: NewSubscription) =>
    db.insertInto('push_subscriptions').values(s)
      .onConflict((oc) => oc.column('endpoint').doUpdateSet({ user_id: s.user_id, p256dh: s.p256dh, auth: s.auth, alerts: s.alerts, user_agent: s.user_agent }))
      .returningAll().executeTakeFirstOrThrow(),

  remove: (db: Kysely<DB>, userId: string, endpoint: string) =>
    db.deleteFrom('push_subscriptions').where('user_id', '=', userId).where('endpoint', '=', endpoint).executeTakeFirst(),

  removeById: (db: Kysely<DB>, id: string) => db.deleteFrom('push_subscriptions').where('id', '=', id).execute(),

  byId: (db: Kysely<DB>, id: string) => db.selectFrom('push_subscriptions').selectAll().where('id', '=', id).executeTakeFirst(),

  forUser: (db: Kysely<DB>, userId: string) =>
    db.selectFrom('push_subscriptions').select(['id', 'endpoint', 'alerts', 'user_agent', 'created_at', 'last_sent_at']).where('user_id', '=', userId).orderBy('created_at').execute(),

  markSent: (db: Kysely<DB>, id: string, at: Date) => db.updateTable('push_subscriptions').set({ last_sent_at: at }).where('id', '=', id).execute(),

  /** The devices of these users, with each user's language. */
  async targets(db: Kysely<DB>, userIds: string[]): Promise<PushTarget[]> {
    if (userIds.length === 0) return [];
    const rows = await db.selectFrom('push_subscriptions as s').innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.user_id', 'u.lang']).where('s.user_id', 'in', userIds).where('u.disabled_at', 'is', null).execute();
    return rows.map((r) => ({ user_id: r.user_id, subscription_id: r.id, lang: r.lang }));
  },

  /** Devices of crisis-team members (and admins) who opted in to alert notifications. */
  async alertTargets(db: Kysely<DB>): Promise<PushTarget[]> {
    const rows = await db.selectFrom('push_subscriptions as s').innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.user_id', 'u.lang']).where('s.alerts', '=', true).where('u.role', 'in', ['crisis', 'admin']).where('u.disabled_at', 'is', null).execute();
    return rows.map((r) => ({ user_id: r.user_id, subscription_id: r.id, lang: r.lang }));
  },

  async enqueue(db: Kysely<DB>, rows: { key: string; target: PushTarget; message: PushMessage; talking_point_id?: string; alert_id?: string }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted = await db.insertInto('notifications').values(rows.map((r) => ({
      idempotency_key: r.key, channel: 'push' as const, recipient: r.target.subscription_id, user_id: r.target.user_id,
      talking_point_id: r.talking_point_id ?? null, alert_id: r.alert_id ?? null,
      payload: json({ kind: 'push', lang: r.target.lang, message: r.message } satisfies PushPayload),
    }))).onConflict((oc) => oc.column('idempotency_key').doNothing()).returning('id').execute();
    return inserted.length;
  },
};
