import type { Generated, Selectable } from 'kysely';
import type { Json } from './json.js';

export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'dead' | 'cancelled' | 'skipped';

export interface NotificationsTable {
  id: Generated<string>;
  idempotency_key: string;
  alert_id: string | null;
  talking_point_id: string | null;
  channel: 'email' | 'webhook' | 'push';
  recipient: string;
  user_id: string | null;
  step_index: number | null;
  payload: Json<Record<string, unknown>>;
  status: Generated<NotificationStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Date | null;
}
export type NotificationRow = Selectable<NotificationsTable>;
