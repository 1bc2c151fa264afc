// Event store: every stream event is a row (for ?since= replay) and a NOTIFY carrying its id, sent when the
// transaction commits, so no instance ever announces something that was rolled back.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { json } from '../db/tables/json.js';
import type { EventRow } from '../db/tables/events.js';
import { ACCESS_CHANNEL, EVENTS_CHANNEL, type Audience, type EventData, type EventType, type StreamEvent } from './types.js';

export async function appendEvent<T extends EventType>(db: Kysely<DB>, type: T, data: EventData[T], audience: Audience): Promise<number> {
  // One round trip: store the event and queue its NOTIFY (sent by PostgreSQL at commit).
  const { rows } = await sql<{ id: number }>`
    WITH e AS (
      INSERT INTO events (type, data, roles, user_ids)
      VALUES (${type}, ${json(data)}::jsonb, ${[...audience.roles]}::text[], ${audience.userIds ? [...audience.userIds] : null}::uuid[])
      RETURNING id)
    SELECT id, pg_notify(${EVENTS_CHANNEL}, id::text) FROM e`.execute(db);
  return Number(rows[0]!.id);
}

export async function eventsByIds(db: Kysely<DB>, ids: number[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('events').selectAll().where('id', 'in', ids).orderBy('id').execute();
}

export async function eventsSince(db: Kysely<DB>, afterId: number, limit: number): Promise<EventRow[]> {
  return db.selectFrom('events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export async function deleteEventsBefore(db: Kysely<DB>, before: Date): Promise<number> {
  const res = await db.deleteFrom('events').where('at', '<', before).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export function toStreamEvent(row: EventRow): StreamEvent {
  return { type: row.type as EventType, id: String(row.id), at: row.at.toISOString(), data: row.data };
}

export function mayReceive(row: Pick<EventRow, 'roles' | 'user_ids'>, user: { id: string; role: string }): boolean {
  return row.roles.includes(user.role) || (row.user_ids?.includes(user.id) ?? false);
}

/**
 * Tells every instance, when the transaction commits, that a user's access changed: their open websockets
 * are closed at once (they reconnect, and authentication decides again with the new role or refuses).
 */
export async function announceAccessChange(db: Kysely<DB>, userId: string): Promise<void> {
  await sql`SELECT pg_notify(${ACCESS_CHANNEL}, ${userId})`.execute(db);
}
