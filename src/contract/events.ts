// The stream's event map, declared once: each event type with the payload it carries. `appendEvent` and the
// hub are typed by it, so an event cannot be written with the wrong payload. Payload types are the domain
// views themselves (type-only imports: the contract holds no domain code).
import type { AlertView } from '../alerts/views.js';
import type { IncidentView } from '../incidents/types.js';
import type { SignalView } from '../signals/types.js';
import type { TalkingPointView } from '../talking-points/types.js';

export const EVENT_TYPES = [
  'alert.raised', 'alert.escalated', 'alert.acknowledged', 'alert.resolved', 'alert.updated',
  'signal.reported', 'talking_point.published', 'talking_point.retired', 'talking_point.sent_back',
  'incident.opened', 'incident.updated', 'incident.resolved',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface EventData {
  'alert.raised': AlertView;
  'alert.escalated': AlertView;
  'alert.acknowledged': AlertView;
  'alert.resolved': AlertView;
  'alert.updated': AlertView;
  'signal.reported': SignalView;
  'talking_point.published': TalkingPointView;
  'talking_point.retired': TalkingPointView;
  'talking_point.sent_back': TalkingPointView;
  'incident.opened': IncidentView;
  'incident.updated': IncidentView;
  'incident.resolved': IncidentView;
}

export type AlertEventType = Extract<EventType, `alert.${string}`>;
export type IncidentEventType = Extract<EventType, `incident.${string}`>;
