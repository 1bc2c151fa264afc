// Builds a ValidMention from what a network sent, with the limits ingest's validation applies to pushed
// mentions (control characters stripped, lengths capped, dates kept within reason), so that no post from a
// stream can fail the insert and hold the cursor back.
import { LIMITS, validateUrl } from '../../ingest/validate.js';
import type { Reach, ValidMention } from '../../ingest/types.js';

export interface PostFields {
  externalId: string; text: string; author?: string | null; url?: string | null;
  publishedAt?: string | number | Date | null; lang?: 'fr' | 'en' | null; reach?: Reach;
}

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const MIN_DATE = Date.UTC(1995, 0, 1);

const clean = (s: string, max: number) => s.replace(CONTROL, '').trim().slice(0, max);

/** Null when there is no text to keep (a post with only an image, say) or no usable id. */
export function streamMention(post: PostFields, now: Date): ValidMention | null {
  const text = clean(post.text, LIMITS.text);
  const externalId = clean(post.externalId, LIMITS.externalId);
  if (!text || !externalId) return null;
  const author = post.author ? clean(post.author, LIMITS.author) || null : null;
  const url = post.url && post.url.length <= LIMITS.url && validateUrl(post.url) ? post.url : null;
  return { external_id: externalId, text, author, url, published_at: sensibleDate(post.publishedAt, now), lang: post.lang ?? null, ...(post.reach ? { reach: post.reach } : {}) };
}

/** Networks let clients set the creation date: anything unreadable, before 1995 or in the future becomes now. */
export function sensibleDate(value: string | number | Date | null | undefined, now: Date): Date {
  if (value === null || value === undefined) return now;
  const d = value instanceof Date ? value : new Date(value);
  const t = d.getTime();
  if (Number.isNaN(t) || t < MIN_DATE || t > now.getTime()) return now;
  return d;
}

/** The first of a post's languages that Pilotfish scores ("fr-CA" counts as French); null otherwise. */
export function scoredLanguage(langs: unknown): 'fr' | 'en' | null {
  const list = Array.isArray(langs) ? langs : typeof langs === 'string' ? [langs] : [];
  for (const l of list) {
    if (typeof l !== 'string') continue;
    const base = l.slice(0, 2).toLowerCase();
    if (base === 'fr' || base === 'en') return base;
  }
  return null;
}
