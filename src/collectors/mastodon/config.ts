// A Mastodon source: the instance URL, the hashtags and/or a public timeline to follow, an optional access
// token (sealed with the source's secrets). Exported for the sources API's per-kind registry.
import { badRequest } from '../../shared/errors.js';

export interface MastodonConfig { hashtags: string[]; timeline: 'public' | 'local' | null; streaming_url?: string }

export interface Timeline {
  /** Key in the cursor: `tag:<name>`, `public` or `local`. */
  key: string;
  subscribe: { stream: string; tag?: string };
  restPath: string;
  restQuery: Record<string, string>;
  /** Public timelines carry everything: keep only watchlist matches. */
  filtered: boolean;
}

const HASHTAG = /^[\p{L}\p{N}_]{1,100}$/u;

/** Validates what an administrator sent; throws a 400 naming the field. */
export function parseMastodonSource(input: { url?: unknown; config?: unknown }): { url: string; config: MastodonConfig; secrets: Record<string, string> } {
  if (typeof input.url !== 'string' || !input.url) throw badRequest('url', 'is required: the Mastodon instance, e.g. https://mastodon.social');
  let url: URL;
  try { url = new URL(input.url); } catch { throw badRequest('url', 'must be an absolute https URL of the instance'); }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badRequest('url', 'must be an http(s) URL of the instance');
  const raw = (input.config ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badRequest('config', 'must be an object');
  const known = new Set(['hashtags', 'timeline', 'access_token', 'streaming_url']);
  const unknown = Object.keys(raw).find((k) => !known.has(k));
  if (unknown) throw badRequest(`config.${unknown}`, 'unknown field');
  const hashtags: string[] = [];
  if (raw.hashtags !== undefined) {
    if (!Array.isArray(raw.hashtags) || raw.hashtags.length > 20) throw badRequest('config.hashtags', 'must be a list of at most 20 hashtags');
    for (const [i, tag] of raw.hashtags.entries()) {
      const name = typeof tag === 'string' ? tag.trim().replace(/^#/, '') : '';
      if (!HASHTAG.test(name)) throw badRequest(`config.hashtags[${i}]`, 'must be a hashtag (letters, digits, underscore)');
      if (!hashtags.some((h) => h.toLowerCase() === name.toLowerCase())) hashtags.push(name);
    }
  }
  const timeline = raw.timeline === undefined || raw.timeline === null ? null : raw.timeline;
  if (timeline !== null && timeline !== 'public' && timeline !== 'local') throw badRequest('config.timeline', 'must be "public" or "local"');
  if (hashtags.length === 0 && timeline === null) throw badRequest('config.hashtags', 'give at least one hashtag or a timeline');
  const config: MastodonConfig = { hashtags, timeline };
  if (raw.streaming_url !== undefined) {
    if (typeof raw.streaming_url !== 'string' || !/^wss?:\/\//.test(raw.streaming_url)) throw badRequest('config.streaming_url', 'must be a ws(s):// URL');
    config.streaming_url = raw.streaming_url;
  }
  const secrets: Record<string, string> = {};
  if (raw.access_token !== undefined) {
    if (typeof raw.access_token !== 'string' || raw.access_token.length < 8 || raw.access_token.length > 500) throw badRequest('config.access_token', 'must be a token string');
    secrets.access_token = raw.access_token;
  }
  return { url: url.toString().replace(/\/+$/, ''), config, secrets };
}

/** The timelines of a stored source's config. */
export function timelinesOf(config: Record<string, unknown>): Timeline[] {
  const out: Timeline[] = [];
  const tags = Array.isArray(config.hashtags) ? config.hashtags.filter((t): t is string => typeof t === 'string') : [];
  for (const tag of tags) {
    out.push({ key: `tag:${tag.toLowerCase()}`, subscribe: { stream: 'hashtag', tag }, restPath: `/api/v1/timelines/tag/${encodeURIComponent(tag)}`, restQuery: {}, filtered: false });
  }
  if (config.timeline === 'public') out.push({ key: 'public', subscribe: { stream: 'public' }, restPath: '/api/v1/timelines/public', restQuery: {}, filtered: true });
  if (config.timeline === 'local') out.push({ key: 'local', subscribe: { stream: 'public:local' }, restPath: '/api/v1/timelines/public', restQuery: { local: 'true' }, filtered: true });
  return out;
}

/** The timeline a streaming message belongs to (its `stream` array: ["hashtag", "Tag"], ["public"], ["public:local"]). */
export function timelineKeyOf(stream: unknown): string | null {
  if (!Array.isArray(stream) || typeof stream[0] !== 'string') return null;
  if (stream[0] === 'hashtag' && typeof stream[1] === 'string') return `tag:${stream[1].toLowerCase()}`;
  if (stream[0] === 'public') return 'public';
  if (stream[0] === 'public:local') return 'local';
  return null;
}
