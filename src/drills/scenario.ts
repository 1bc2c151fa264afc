// A drill scenario: timed mentions and ambassador reports replayed into a watchlist so a crisis team can
// rehearse (and so a first start has something to show). Pure parsing and scheduling; no I/O.
import { badRequest } from '../shared/errors.js';

export type ScenarioSeverity = 'low' | 'medium' | 'high' | 'critical';

export interface ScenarioEvent {
  /** Seconds after the drill starts (before speed-up). */
  at: number;
  text: string;
  author?: string;
  url?: string;
  lang?: 'fr' | 'en';
  /** Present for an ambassador report rather than a public mention. */
  signal?: { severity: ScenarioSeverity; channel?: string };
}

export interface Scenario { name: string; description?: string; watchlist?: { name: string; query: string }; events: ScenarioEvent[] }

const SEVERITIES = ['low', 'medium', 'high', 'critical'];
export const MAX_EVENTS = 5000;

function str(value: unknown, field: string, max: number, optional = false): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(field, 'must be a non-empty string');
  if (value.length > max) throw badRequest(field, `must be at most ${max} characters`);
  return value;
}

function parseEvent(raw: unknown, i: number, prefix: string): ScenarioEvent {
  const field = `${prefix}events[${i}]`;
  if (typeof raw !== 'object' || raw === null) throw badRequest(field, 'must be an object');
  const e = raw as Record<string, unknown>;
  if (typeof e.at !== 'number' || !Number.isFinite(e.at) || e.at < 0 || e.at > 7 * 86400) throw badRequest(`${field}.at`, 'must be seconds from the start (0 to 604800)');
  const event: ScenarioEvent = { at: e.at, text: str(e.text, `${field}.text`, 5000)! };
  const author = str(e.author, `${field}.author`, 300, true);
  if (author) event.author = author;
  const url = str(e.url, `${field}.url`, 2000, true);
  if (url) {
    if (!/^https?:\/\//.test(url)) throw badRequest(`${field}.url`, 'must be an http(s) URL');
    event.url = url;
  }
  if (e.lang !== undefined) {
    if (e.lang !== 'fr' && e.lang !== 'en') throw badRequest(`${field}.lang`, 'must be fr or en');
    event.lang = e.lang;
  }
  if (e.signal !== undefined) {
    const s = e.signal as Record<string, unknown> | null;
    if (!s || typeof s !== 'object' || !SEVERITIES.includes(String(s.severity))) throw badRequest(`${field}.signal.severity`, `must be one of ${SEVERITIES.join(', ')}`);
    event.signal = { severity: s.severity as ScenarioSeverity, ...(typeof s.channel === 'string' ? { channel: s.channel.slice(0, 60) } : {}) };
  }
  return event;
}

/** Validates a scenario (from a file or an API body); errors name the field, e.g. `scenario.events[3].at`. */
export function parseScenario(raw: unknown, prefix = 'scenario.'): Scenario {
  if (typeof raw !== 'object' || raw === null) throw badRequest(prefix.replace(/\.$/, ''), 'must be an object');
  const s = raw as Record<string, unknown>;
  const name = str(s.name, `${prefix}name`, 300)!;
  if (!Array.isArray(s.events) || s.events.length === 0) throw badRequest(`${prefix}events`, 'must be a non-empty array');
  if (s.events.length > MAX_EVENTS) throw badRequest(`${prefix}events`, `must have at most ${MAX_EVENTS} events`);
  const events = s.events.map((e, i) => parseEvent(e, i, prefix)).sort((a, b) => a.at - b.at);
  const scenario: Scenario = { name, events };
  const description = str(s.description, `${prefix}description`, 2000, true);
  if (description) scenario.description = description;
  if (s.watchlist !== undefined) {
    const w = s.watchlist as Record<string, unknown>;
    scenario.watchlist = { name: str(w?.name, `${prefix}watchlist.name`, 200)!, query: str(w?.query, `${prefix}watchlist.query`, 4000)! };
  }
  return scenario;
}

/** Indexes of the events due after `elapsedSeconds` of drill time at the given speed. */
export function dueEvents(scenario: Scenario, elapsedMs: number, speed: number): number[] {
  const drillSeconds = (elapsedMs / 1000) * speed;
  const due: number[] = [];
  scenario.events.forEach((e, i) => { if (e.at <= drillSeconds) due.push(i); });
  return due;
}

/** When an event happens in real time, for a drill started at `startedAt`. */
export function eventTime(startedAt: Date, event: ScenarioEvent, speed: number): Date {
  return new Date(startedAt.getTime() + (event.at / speed) * 1000);
}
