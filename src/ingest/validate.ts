// Validates one incoming mention. Each item is judged on its own: a bad item is rejected with a reason
// naming its field, the good ones in the same batch are kept.
import { cleanText } from '../shared/text.js';
import type { RawMention, ValidMention } from './types.js';

export const LIMITS = { externalId: 500, text: 20_000, author: 300, url: 2_000 } as const;
const MIN_DATE = Date.UTC(1995, 0, 1);
const FUTURE_SLACK_MS = 24 * 3600_000;

export type Validation = { ok: true; value: ValidMention } | { ok: false; error: string };

function optionalString(value: unknown, field: string, max: number): string | null | { error: string } {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return { error: `${field}: must be a string` };
  const trimmed = cleanText(value).trim();
  if (trimmed.length > max) return { error: `${field}: must be at most ${max} characters` };
  return trimmed || null;
}

function isError(v: unknown): v is { error: string } {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function validateUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** JavaScript rolls 2024-02-30 over to 1 March; a date whose day does not exist in its month is refused instead. */
export function isRealCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return true; // not an ISO date prefix (RFC 2822 and the like): Date parsing already judged it
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= last;
}

/** A missing date means "now"; a date before 1995 or more than a day ahead is refused as absurd. */
function parseDate(value: unknown, now: Date): Date | { error: string } {
  if (value === undefined || value === null || value === '') return now;
  if (typeof value !== 'string' && typeof value !== 'number') return { error: 'published_at: must be an ISO 8601 date-time' };
  const d = new Date(value);
  if (Number.isNaN(d.getTime()) || (typeof value === 'string' && !isRealCalendarDate(value))) return { error: 'published_at: must be an ISO 8601 date-time' };
  if (d.getTime() < MIN_DATE) return { error: 'published_at: is before 1995' };
  if (d.getTime() > now.getTime() + FUTURE_SLACK_MS) return { error: 'published_at: is in the future' };
  return d.getTime() > now.getTime() ? now : d;
}

export function validateMention(raw: unknown, now: Date): Validation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'must be an object' };
  const item = raw as RawMention;
  const known = new Set(['external_id', 'text', 'author', 'url', 'published_at', 'lang']);
  const unknown = Object.keys(item).find((k) => !known.has(k));
  if (unknown) return { ok: false, error: `${unknown}: unknown field` };

  const externalId = typeof item.external_id === 'number' ? String(item.external_id) : typeof item.external_id === 'string' ? cleanText(item.external_id) : item.external_id;
  if (typeof externalId !== 'string' || externalId.trim() === '') return { ok: false, error: 'external_id: is required (non-empty string)' };
  if (externalId.length > LIMITS.externalId) return { ok: false, error: `external_id: must be at most ${LIMITS.externalId} characters` };
  if (typeof item.text !== 'string') return { ok: false, error: 'text: is required (string)' };
  // Control characters other than tab/newline break logs and terminals; NUL is refused by PostgreSQL.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const text = cleanText(item.text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (!text) return { ok: false, error: 'text: must not be empty' };
  if (text.length > LIMITS.text) return { ok: false, error: `text: must be at most ${LIMITS.text} characters` };

  const author = optionalString(item.author, 'author', LIMITS.author);
  if (isError(author)) return { ok: false, error: author.error };
  const url = optionalString(item.url, 'url', LIMITS.url);
  if (isError(url)) return { ok: false, error: url.error };
  if (url && !validateUrl(url)) return { ok: false, error: 'url: must be an http(s) URL' };
  const published = parseDate(item.published_at, now);
  if (isError(published)) return { ok: false, error: published.error };
  let lang: 'fr' | 'en' | null = null;
  if (item.lang !== undefined && item.lang !== null && item.lang !== '' && item.lang !== 'auto') {
    if (item.lang !== 'fr' && item.lang !== 'en' && item.lang !== 'other') return { ok: false, error: 'lang: must be fr, en, other or auto' };
    lang = item.lang === 'other' ? null : item.lang;
  }
  return { ok: true, value: { external_id: externalId.trim(), text, author, url, published_at: published, lang } };
}
