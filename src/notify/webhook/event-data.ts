/**
 * Reads an event's `data` (typed `unknown`: it crossed a queue or a database row) back into the
 * messages the renderers know. The alert service is expected to put an AlertMessage or a
 * TalkingPointMessage there; the API's snake_case shapes (watchlist_id, opened_at, …) are accepted too,
 * so a webhook never fails just because a field was missing: it renders with less detail.
 */
import type { AlertExplanation, AlertMessage, Lang, SampleMention, TalkingPointMessage } from '../types.js';

type Row = Record<string, unknown>;

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(row: Row, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = row[key];
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return null;
}

function num(row: Row, key: string): number {
  const value = row[key];
  return typeof value === 'number' ? value : Number.NaN;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function explanationOf(value: unknown): AlertExplanation {
  const row = isRow(value) ? value : {};
  const window = isRow(row.window) ? row.window : {};
  return {
    summary: str(row, 'summary') ?? '',
    observed: num(row, 'observed'),
    expected: num(row, 'expected'),
    factor: num(row, 'factor'),
    window: { start: str(window, 'start') ?? '', end: str(window, 'end') ?? '' },
    top_terms: strings(row.top_terms ?? row.topTerms),
    sample_mention_ids: strings(row.sample_mention_ids ?? row.sampleMentionIds),
  };
}

function samplesOf(value: unknown): SampleMention[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRow).map((row) => ({ text: str(row, 'text') ?? '', url: str(row, 'url'), author: str(row, 'author') }))
    .filter((sample) => sample.text.length > 0);
}

export function toAlertMessage(data: unknown): AlertMessage | null {
  if (!isRow(data) || typeof data.kind !== 'string' || typeof data.severity !== 'string') return null;
  const stepIndex = typeof data.stepIndex === 'number' ? data.stepIndex : typeof data.step_index === 'number' ? data.step_index : 0;
  return {
    id: str(data, 'id') ?? '',
    watchlistName: str(data, 'watchlistName', 'watchlist_name', 'watchlist_id', 'watchlistId') ?? '?',
    kind: data.kind as AlertMessage['kind'],
    severity: data.severity as AlertMessage['severity'],
    status: (str(data, 'status') ?? 'open') as AlertMessage['status'],
    openedAt: str(data, 'openedAt', 'opened_at') ?? '',
    stepIndex,
    escalated: data.escalated === true || stepIndex > 0,
    explanation: explanationOf(data.explanation),
    samples: samplesOf(data.samples),
    alertUrl: str(data, 'alertUrl', 'alert_url', 'url') ?? '',
    ackUrl: str(data, 'ackUrl', 'ack_url') ?? undefined,
  };
}

export function toTalkingPointMessage(data: unknown, fallbackLang: Lang): TalkingPointMessage | null {
  if (!isRow(data) || typeof data.title !== 'string') return null;
  const lang = data.lang === 'fr' || data.lang === 'en' ? data.lang : fallbackLang;
  const posts = Array.isArray(data.suggestedPosts ?? data.suggested_posts) ? (data.suggestedPosts ?? data.suggested_posts) as unknown[] : [];
  return {
    id: str(data, 'id') ?? '',
    version: typeof data.version === 'number' ? data.version : 1,
    title: data.title,
    body: str(data, 'body') ?? '',
    lang,
    shareable: data.shareable === true,
    suggestedPosts: posts.filter(isRow).map((p) => ({ network: str(p, 'network') ?? '', text: str(p, 'text') ?? '' })),
    url: str(data, 'url') ?? '',
    supersedes: str(data, 'supersedes', 'supersedes_id'),
    incidentTitle: str(data, 'incidentTitle', 'incident_title'),
  };
}

/** An ambassador's report (`signal.reported`): text, optional URL and channel, perceived severity. */
export interface SignalData { text: string; url: string | null; channel: string | null; severity: string | null }

export function toSignal(data: unknown): SignalData | null {
  if (!isRow(data) || typeof data.text !== 'string') return null;
  return { text: data.text, url: str(data, 'url'), channel: str(data, 'channel'), severity: str(data, 'severity') };
}
