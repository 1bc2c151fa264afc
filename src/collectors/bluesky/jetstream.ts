// Jetstream's wire format (github.com/bluesky-social/jetstream): one JSON object per websocket text frame,
//   {"did", "time_us", "kind": "commit"|"identity"|"account", ...}
//   commit:   {"commit": {"operation": "create"|"update"|"delete", "collection", "rkey", "record"?, "cid"?}}
//   identity: {"identity": {"did", "handle", "seq", "time"}}
// `time_us` (microseconds since the epoch) is the cursor: reconnecting with ?cursor=<time_us> replays from there.
import type { StreamItem } from '../stream/types.js';
import { scoredLanguage, streamMention } from '../stream/mention.js';

export const POST_COLLECTION = 'app.bsky.feed.post';
export const DEFAULT_JETSTREAM_URL = 'wss://jetstream2.us-east.bsky.network/subscribe';

export type FrameOutcome =
  | { kind: 'skip'; reason: 'invalid_json' | 'malformed' | 'oversize'; detail: string }
  | { kind: 'event'; cursor: string; at: Date; items?: StreamItem[] };

export const postUri = (did: string, rkey: string) => `at://${did}/${POST_COLLECTION}/${rkey}`;
export const postUrl = (did: string, rkey: string) => `https://bsky.app/profile/${did}/post/${rkey}`;

/** The subscribe URL for posts only, resuming at `cursor` when there is one. */
export function subscribeUrl(base: string, cursor: string | null): URL {
  const url = new URL(base);
  url.searchParams.delete('wantedCollections');
  url.searchParams.delete('cursor');
  url.searchParams.append('wantedCollections', POST_COLLECTION);
  if (cursor && /^\d+$/.test(cursor)) url.searchParams.set('cursor', cursor);
  return url;
}

/** Handles learnt from identity events, bounded (oldest forgotten first). */
export class HandleCache {
  private readonly map = new Map<string, string>();
  constructor(private readonly max = 50_000) {}
  get(did: string): string | undefined { return this.map.get(did); }
  set(did: string, handle: string): void {
    this.map.delete(did);
    this.map.set(did, handle);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

export interface ReaderOptions {
  maxFrameBytes: number;
  handles: HandleCache;
  /** Watchlist match, before anything is stored. */
  matches(text: string, lang: 'fr' | 'en' | null): boolean;
  now(): Date;
}

/** Reads one frame; never throws. */
export function readFrame(data: string, options: ReaderOptions): FrameOutcome {
  if (data.length > options.maxFrameBytes) return { kind: 'skip', reason: 'oversize', detail: `${data.length} characters` };
  let event: unknown;
  try {
    event = JSON.parse(data);
  } catch {
    return { kind: 'skip', reason: 'invalid_json', detail: data.slice(0, 80) };
  }
  if (!isObj(event)) return { kind: 'skip', reason: 'malformed', detail: 'not an object' };
  const timeUs = event.time_us;
  const did = str(event.did);
  if (typeof timeUs !== 'number' || !Number.isSafeInteger(timeUs) || timeUs <= 0 || !did) {
    return { kind: 'skip', reason: 'malformed', detail: 'no did or time_us' };
  }
  const cursor = String(timeUs);
  const at = new Date(Math.floor(timeUs / 1000));
  if (event.kind === 'identity') {
    const handle = isObj(event.identity) ? str(event.identity.handle) : null;
    if (handle) options.handles.set(did, handle);
    return { kind: 'event', cursor, at };
  }
  if (event.kind !== 'commit') return { kind: 'event', cursor, at }; // account events and future kinds
  const commit = event.commit;
  if (!isObj(commit)) return { kind: 'skip', reason: 'malformed', detail: 'commit without body' };
  if (commit.collection !== POST_COLLECTION) return { kind: 'event', cursor, at };
  const rkey = str(commit.rkey);
  if (!rkey || rkey.length > 512) return { kind: 'skip', reason: 'malformed', detail: 'commit without rkey' };
  if (commit.operation === 'delete') return { kind: 'event', cursor, at, items: [{ deletion: postUri(did, rkey) }] };
  if (commit.operation !== 'create') return { kind: 'event', cursor, at }; // edits are not followed
  const record = commit.record;
  if (!isObj(record) || typeof record.text !== 'string') return { kind: 'skip', reason: 'malformed', detail: 'post without text' };
  const lang = scoredLanguage(record.langs);
  if (!options.matches(record.text, lang)) return { kind: 'event', cursor, at };
  // Dated by the relay (time_us), not by the client's createdAt, which the author's device sets at will.
  const mention = streamMention({
    externalId: postUri(did, rkey), text: record.text, author: options.handles.get(did) ?? did, url: postUrl(did, rkey),
    publishedAt: at, lang, reach: { network: 'bluesky' },
  }, options.now());
  return { kind: 'event', cursor, at, ...(mention ? { items: [{ mention }] } : {}) };
}
