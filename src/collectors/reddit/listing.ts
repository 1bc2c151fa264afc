// Reddit's Listing format: {"kind": "Listing", "data": {"after", "children": [{"kind": "t3" | "t1", "data"}]}}.
// t3 is a post (title, selftext, num_comments…), t1 a comment (body, link_id…); created_utc is in seconds.
// raw_json=1 is asked for so texts come without HTML entities; selftext/body are markdown, kept as text.
import { PollError } from '../poll/errors.js';
import { isObject, plainText, reachOf, toMention } from '../poll/mention.js';
import type { TimedMention } from '../poll/catch-up.js';

export const REDDIT_WEB = 'https://www.reddit.com';

function childToMention(child: unknown, now: Date): TimedMention | null {
  if (!isObject(child) || !isObject(child.data)) return null;
  const d = child.data;
  const isComment = child.kind === 't1';
  const text = isComment
    ? plainText(typeof d.body === 'string' ? d.body : '')
    : [typeof d.title === 'string' ? plainText(d.title) : '', typeof d.selftext === 'string' ? plainText(d.selftext) : ''].filter(Boolean).join('\n\n');
  const permalink = typeof d.permalink === 'string' && d.permalink.startsWith('/') ? `${REDDIT_WEB}${d.permalink}` : null;
  const at = typeof d.created_utc === 'number' ? new Date(d.created_utc * 1000) : null;
  const author = typeof d.author === 'string' && d.author !== '[deleted]' ? d.author : null;
  return toMention({
    id: typeof d.name === 'string' ? d.name : d.id, text, author, url: permalink, publishedAt: at,
    reach: reachOf('reddit', { likes: d.score, replies: isComment ? null : d.num_comments, reposts: isComment ? null : d.num_crossposts }),
  }, now);
}

export function parseListing(json: unknown, host: string, now: Date): { items: TimedMention[]; after: string | null; skipped: number } {
  if (!isObject(json) || !isObject(json.data) || !Array.isArray(json.data.children)) throw new PollError('malformed', `unexpected answer from ${host}: not a Reddit Listing`);
  const items: TimedMention[] = [];
  let skipped = 0;
  for (const child of json.data.children) {
    const m = childToMention(child, now);
    if (m) items.push(m);
    else skipped += 1;
  }
  return { items, after: typeof json.data.after === 'string' && json.data.after ? json.data.after : null, skipped };
}

/** Terms of a Reddit search query (quoted phrases and words, without operators or excluded words). */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const m of query.matchAll(/(-?)"([^"]+)"|(-?)(\S+)/g)) {
    const excluded = m[1] || m[3];
    const term = (m[2] ?? m[4] ?? '').toLowerCase();
    if (excluded || !term || ['or', 'and', 'not'].includes(term) || term.includes(':')) continue;
    terms.push(term.replace(/^\(+|\)+$/g, ''));
  }
  return terms.filter(Boolean);
}

/** Comments listings are not searchable: keep those that contain one of the query's terms. */
export function matchesQuery(text: string, terms: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return terms.length === 0 || terms.some((t) => lower.includes(t));
}
