// A Mastodon source's timelines: the hashtags and/or the public (or local) timeline it follows, how each
// is subscribed to on the streaming API and read over REST, and where each sits in the source's cursor.

export interface Timeline {
  /** Key in the cursor: `tag:<name>`, `public` or `local`. */
  key: string;
  subscribe: { stream: string; tag?: string };
  restPath: string;
  restQuery: Record<string, string>;
  /** Public timelines carry everything: keep only watchlist matches. */
  filtered: boolean;
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
