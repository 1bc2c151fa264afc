// What a talking point says, cleaned and checked before it is stored: trimmed text, tidy tags, bounded
// suggested posts, and the folded text the library searches. Pure, so the rules are unit-tested.
import type { Audience, SuggestedPost, Variant } from '../db/tables/talking-points.js';
import { badRequest } from '../shared/errors.js';
import type { CheckedText } from './do-not-say.js';
import { words } from './do-not-say.js';

export const LIMITS = {
  title: 300,
  body: 20000,
  suggestedPosts: 5,
  postText: 500,
  shareUrl: 2000,
  network: 40,
  tags: 20,
  tag: 50,
  alerts: 50,
  groups: 100,
} as const;

export type Variants = Partial<Record<'fr' | 'en', Variant>>;

/** Every editable field of a point, as stored. */
export interface Content {
  title: string;
  body: string;
  variants: Variants;
  shareable: boolean;
  /** Where the tracked short link of a shared point leads (the public statement); null: text only. */
  share_url: string | null;
  suggested_posts: SuggestedPost[];
  tags: string[];
  incident_id: string | null;
  alert_ids: string[];
  audience: Audience;
}

function requiredText(field: string, value: string, max: number): string {
  const text = value.trim();
  if (!text) throw badRequest(field, 'must not be empty');
  if (text.length > max) throw badRequest(field, `must be at most ${max} characters`);
  return text;
}

function cleanVariants(variants: Variants): Variants {
  const out: Variants = {};
  for (const lang of ['fr', 'en'] as const) {
    const v = variants[lang];
    if (v) out[lang] = { title: requiredText(`variants.${lang}.title`, v.title, LIMITS.title), body: requiredText(`variants.${lang}.body`, v.body, LIMITS.body) };
  }
  return out;
}

function cleanPosts(posts: SuggestedPost[]): SuggestedPost[] {
  if (posts.length > LIMITS.suggestedPosts) throw badRequest('suggested_posts', `at most ${LIMITS.suggestedPosts} suggested posts`);
  return posts.map((p, i) => ({
    network: requiredText(`suggested_posts[${i}].network`, p.network, LIMITS.network).toLowerCase(),
    text: requiredText(`suggested_posts[${i}].text`, p.text, LIMITS.postText),
  }));
}

/** An http(s) address, or null when empty. */
export function cleanShareUrl(value: string | null): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > LIMITS.shareUrl) throw badRequest('share_url', `must be at most ${LIMITS.shareUrl} characters`);
  let url: URL;
  try { url = new URL(text); } catch { throw badRequest('share_url', 'must be an http(s) URL'); }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest('share_url', 'must be an http(s) URL');
  return url.toString();
}

/** Lower-case, trimmed, '#' dropped, duplicates removed, order kept. */
export function cleanTags(tags: string[]): string[] {
  const out: string[] = [];
  for (const [i, raw] of tags.entries()) {
    const tag = raw.trim().replace(/^#+/, '').toLowerCase();
    if (!tag) throw badRequest(`tags[${i}]`, 'must not be empty');
    if (tag.length > LIMITS.tag) throw badRequest(`tags[${i}]`, `must be at most ${LIMITS.tag} characters`);
    if (!out.includes(tag)) out.push(tag);
  }
  if (out.length > LIMITS.tags) throw badRequest('tags', `at most ${LIMITS.tags} tags`);
  return out;
}

export function cleanAudience(audience: Audience): Audience {
  if (audience.all === true && !audience.group_ids?.length) return { all: true };
  const ids = [...new Set(audience.group_ids ?? [])];
  if (ids.length === 0) throw badRequest('audience', 'choose all ambassadors ({"all": true}) or at least one group');
  if (ids.length > LIMITS.groups) throw badRequest('audience.group_ids', `at most ${LIMITS.groups} groups`);
  return { group_ids: ids };
}

/** Validates and normalises a complete content (a creation, or an edit merged onto the current one). */
export function cleanContent(c: Content): Content {
  const alertIds = [...new Set(c.alert_ids)];
  if (alertIds.length > LIMITS.alerts) throw badRequest('alert_ids', `at most ${LIMITS.alerts} alerts`);
  return {
    title: requiredText('title', c.title, LIMITS.title),
    body: requiredText('body', c.body, LIMITS.body),
    variants: cleanVariants(c.variants),
    shareable: c.shareable,
    share_url: cleanShareUrl(c.share_url),
    suggested_posts: cleanPosts(c.suggested_posts),
    tags: cleanTags(c.tags),
    incident_id: c.incident_id,
    alert_ids: alertIds,
    audience: cleanAudience(c.audience),
  };
}

/** The texts ambassadors may post publicly when the point is shareable, named by field. */
export function shareableTexts(c: Pick<Content, 'title' | 'body' | 'variants' | 'suggested_posts'>): CheckedText[] {
  const texts: CheckedText[] = [{ field: 'title', text: c.title }, { field: 'body', text: c.body }];
  for (const lang of ['fr', 'en'] as const) {
    const v = c.variants[lang];
    if (v) texts.push({ field: `variants.${lang}.title`, text: v.title }, { field: `variants.${lang}.body`, text: v.body });
  }
  c.suggested_posts.forEach((p, i) => texts.push({ field: `suggested_posts[${i}].text`, text: p.text }));
  return texts;
}

/**
 * The library's search document, folded here rather than with PostgreSQL's unaccent (not available on
 * PGlite): titles weigh more than bodies; tags are searchable words too.
 */
export function searchDocument(c: Pick<Content, 'title' | 'body' | 'variants' | 'tags'>): { titles: string; bodies: string } {
  const titles = [c.title, c.variants.fr?.title, c.variants.en?.title].filter(Boolean).join(' ');
  const bodies = [c.body, c.variants.fr?.body, c.variants.en?.body, c.tags.join(' ')].filter(Boolean).join(' ');
  return { titles: words(titles).join(' '), bodies: words(bodies).join(' ') };
}

/**
 * A user's search words as a tsquery for to_tsquery('simple', …): folded like the document, every word
 * required, the last one as a prefix so results follow the user's typing. Null when nothing searchable.
 */
export function searchQuery(q: string): string | null {
  const list = words(q).slice(0, 20);
  if (list.length === 0) return null;
  return list.map((w, i) => (i === list.length - 1 ? `${w}:*` : w)).join(' & ');
}
