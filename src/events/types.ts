import type { Role } from '../db/tables/users.js';

import type { EventType } from '../contract/events.js';

export type { EventData, EventType } from '../contract/events.js';

/** What goes on the websocket stream: {"type", "id", "at", "data"}. */
export interface StreamEvent { type: EventType; id: string; at: string; data: Record<string, unknown> }

/** Who may receive an event: users with one of these roles, plus these specific users. */
export interface Audience { roles: readonly Role[]; userIds?: readonly string[] }

export const EVENTS_CHANNEL = 'pilotfish_events';

/** NOTIFY channel carrying the id of a user whose access changed (disabled, demoted, password reset). */
export const ACCESS_CHANNEL = 'pilotfish_access';
