import type { Explanation } from '../detection/types.js';

/** What the notifiers render. Built by the alert and talking-point services, never by the notifiers. */
export type Lang = 'fr' | 'en';

import type { AlertKind, Severity } from '../contract/enums.js';

export type { AlertKind, Severity } from '../contract/enums.js';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved' | 'snoozed';

/** The detector's explanation of an alert, as raised: one shape from detection to the notifiers. */
export type AlertExplanation = Explanation;

/** A sample mention. Its text, URL and author come from the outside world: untrusted. */
export interface SampleMention {
  text: string;
  url: string | null;
  author: string | null;
}

export interface AlertMessage {
  id: string;
  watchlistName: string;
  kind: AlertKind;
  severity: Severity;
  status: AlertStatus;
  openedAt: string;
  stepIndex: number;
  /** True for escalation steps after the first. */
  escalated: boolean;
  explanation: AlertExplanation;
  samples?: SampleMention[];
  /** Link to the alert in the web app. */
  alertUrl: string;
  ackUrl?: string;
}

export interface TalkingPointMessage {
  id: string;
  version: number;
  title: string;
  body: string;
  lang: Lang;
  shareable: boolean;
  suggestedPosts?: { network: string; text: string }[];
  url: string;
  supersedes?: string | null;
  incidentTitle?: string | null;
}

/** The event envelope shared by the websocket stream and webhooks (see DESIGN.md). */
export interface NotifyEvent {
  type: string;
  id: string;
  at: string;
  data: unknown;
}
