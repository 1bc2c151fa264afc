// Builds a ValidMention from what a network returned, through the same validation as pushed mentions, so
// a connector never stores a mention the push API would refuse. Text is plain: markup is stripped first.
import type { Reach, ValidMention } from '../../ingest/types.js';
import { validateMention, LIMITS } from '../../ingest/validate.js';
import { htmlToText, truncateText } from '../feed/html-text.js';
import type { TimedMention } from './catch-up.js';

export interface NetworkItem {
  id: unknown; text: string; author?: unknown; url?: unknown; publishedAt: Date | null; lang?: string | null;
  reach?: Reach;
}

const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(Math.round(v), 2_147_483_647) : null);

/** Reach figures as the network gave them; anything that is not a non-negative number becomes null. */
export function reachOf(network: string, figures: { followers?: unknown; likes?: unknown; reposts?: unknown; replies?: unknown }): Reach {
  return { network, followers: count(figures.followers), likes: count(figures.likes), reposts: count(figures.reposts), replies: count(figures.replies) };
}

/** Markup to plain text, capped at the ingest limit. */
export function plainText(html: string): string {
  return truncateText(htmlToText(html), LIMITS.text);
}

/** A mention, or null when the item cannot be one (no id, empty text…): the caller counts it as skipped. */
export function toMention(item: NetworkItem, now: Date): TimedMention | null {
  const id = typeof item.id === 'number' ? String(item.id) : item.id;
  const author = typeof item.author === 'string' ? truncateText(item.author, LIMITS.author) : null;
  const url = typeof item.url === 'string' && item.url.length <= LIMITS.url ? item.url : null;
  const lang = item.lang === 'fr' || item.lang === 'en' ? item.lang : null;
  const checked = validateMention({ external_id: id, text: item.text, author, url, published_at: item.publishedAt?.toISOString() ?? null, lang }, now);
  if (!checked.ok) return null;
  const mention: ValidMention = item.reach ? { ...checked.value, reach: item.reach } : checked.value;
  return { at: Math.floor(mention.published_at.getTime() / 1000), mention };
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
