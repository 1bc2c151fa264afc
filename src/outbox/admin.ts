// Dead letters are visible and can be retried by a human; nothing is silently dropped.
import type { Kysely } from 'kysely';
import { audit } from '../audit/audit.js';
import type { DB } from '../db/schema.js';
import type { NotificationStatus } from '../db/tables/notifications.js';
import type { Actor } from '../shared/actor.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { conflict, notFound } from '../shared/errors.js';

const columns = ['id', 'channel', 'recipient', 'status', 'attempts', 'last_error', 'sent_at', 'created_at', 'step_index', 'alert_id', 'talking_point_id'] as const;

type Row = { sent_at: Date | null; created_at: Date };
const iso = <T extends Row>(n: T) => ({ ...n, sent_at: n.sent_at?.toISOString() ?? null, created_at: n.created_at.toISOString() });

export function createNotificationsAdmin(db: Kysely<DB>, onRetry: () => void, clock: Clock = systemClock) {
  return {
    async list(statuses: string[], limit: number) {
      const rows = await db.selectFrom('notifications').select(columns).where('status', 'in', statuses as NotificationStatus[]).orderBy('created_at', 'desc').limit(limit).execute();
      return rows.map(iso);
    },
    async retry(actor: Actor, id: string) {
      const row = await db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('notifications').select(['status']).where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
        if (!current) throw notFound('notification');
        if (current.status !== 'dead' && current.status !== 'failed') throw conflict(`notification is ${current.status}; only dead or failed ones can be retried`, 'invalid_state');
        const updated = await trx.updateTable('notifications').set({ status: 'pending', attempts: 0, next_attempt_at: clock.now() }).where('id', '=', id).returning(columns).executeTakeFirstOrThrow();
        await audit(trx, actor, { action: 'notification.retried', entityType: 'notification', entityId: id });
        return updated;
      });
      onRetry();
      return iso(row);
    },
  };
}
