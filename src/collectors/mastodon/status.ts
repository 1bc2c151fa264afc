// Mastodon's Status entity (docs.joinmastodon.org/entities/Status) → what Pilotfish stores. Content is HTML
// and becomes plain text; a boost (`reblog` set) is not a post of its own: it stores the original (once,
// deduplicated) and raises the original's engagement to the counts the boost carries.
import { htmlToText } from '../feed/html-text.js';
import { scoredLanguage, streamMention } from '../stream/mention.js';
import type { StreamItem } from '../stream/types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(Math.floor(v), 2_147_483_647) : null);

export interface StatusOutcome { id: string; items: StreamItem[] }

/** The status id (timeline position) and what it changes; a string saying what is wrong when it is not a status. */
export function readStatus(value: unknown, options: { filtered: boolean; matches(text: string, lang: 'fr' | 'en' | null): boolean; now: Date }): StatusOutcome | string {
  if (!isObj(value) || typeof value.id !== 'string' || value.id === '') return 'status without id';
  const post = isObj(value.reblog) ? value.reblog : value;
  if (typeof post.id !== 'string' || typeof post.content !== 'string' || !isObj(post.account)) return 'status without content or account';
  const spoiler = typeof post.spoiler_text === 'string' && post.spoiler_text.trim() ? `${htmlToText(post.spoiler_text)} — ` : '';
  const text = `${spoiler}${htmlToText(post.content)}`.trim();
  const lang = scoredLanguage(post.language);
  // Hashtag timelines are what the administrator asked for; public timelines keep only watchlist matches.
  if (options.filtered && !options.matches(text, lang)) return { id: value.id, items: [] };
  const account = post.account;
  const reach = {
    network: 'mastodon', followers: count(account.followers_count), likes: count(post.favourites_count),
    reposts: count(post.reblogs_count), replies: count(post.replies_count),
  };
  const mention = streamMention({
    externalId: post.id, text, author: typeof account.acct === 'string' ? account.acct : null,
    url: typeof post.url === 'string' ? post.url : typeof post.uri === 'string' ? post.uri : null,
    publishedAt: typeof post.created_at === 'string' ? post.created_at : null, lang, reach,
  }, options.now);
  const items: StreamItem[] = mention ? [{ mention }] : [];
  if (post !== value) items.push({ engagement: { externalId: post.id, likes: reach.likes, reposts: reach.reposts, replies: reach.replies } });
  return { id: value.id, items };
}

/** Mastodon ids are numeric strings (snowflakes): longer is newer, then lexical order. */
export function newerId(a: string | undefined, b: string): boolean {
  if (a === undefined) return true;
  return b.length !== a.length ? b.length > a.length : b > a;
}
