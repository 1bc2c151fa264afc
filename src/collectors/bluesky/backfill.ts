// Backfill when a watchlist is created: for each Bluesky source that asks for it (config.backfill, with
// config.identifier and a sealed app password), sign in (com.atproto.server.createSession) and store the
// latest posts app.bsky.feed.searchPosts finds for the watchlist's terms, so its chart has history from the
// first minute. Same external ids as the firehose (at:// URIs): a post seen both ways is stored once.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../db/schema.js';
import type { IngestService } from '../../ingest/pipeline.js';
import type { ValidMention } from '../../ingest/types.js';
import { analyze, compileQuery } from '../../scoring/index.js';
import { parseQuery, type QueryNode } from '../../scoring/query/parser.js';
import type { Clock } from '../../shared/clock.js';
import type { SecretBox } from '../../sources/secrets.js';
import type { AddressPolicy } from '../net/address-guard.js';
import { requestJson } from '../stream/http-json.js';
import { scoredLanguage, streamMention } from '../stream/mention.js';
import { streamRepository } from '../stream/repository.js';
import type { StreamOptions } from '../stream/types.js';

const DEFAULT_SERVICE = 'https://bsky.social';
const MAX_SEARCHES = 5;
const PAGE = 100;

/** Search strings for a query: OR branches searched apart, AND parts together, NOT parts left to the filter. */
export function searchesOf(node: QueryNode): string[] {
  switch (node.kind) {
    case 'words': {
      const text = node.words.map((w) => w.word).join(' ');
      return [node.words.length > 1 ? `"${text}"` : text];
    }
    case 'or': return node.children.flatMap(searchesOf).slice(0, MAX_SEARCHES);
    case 'not': return [];
    case 'and': {
      let combos = [''];
      for (const child of node.children) {
        const parts = searchesOf(child);
        if (parts.length === 0) continue;
        combos = combos.flatMap((c) => parts.map((p) => `${c} ${p}`.trim())).slice(0, MAX_SEARCHES);
      }
      return combos.filter(Boolean);
    }
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown) => (typeof v === 'number' && v >= 0 ? Math.floor(v) : null);

/** A PostView (app.bsky.feed.defs#postView) → a mention, or null when it is not a readable post. */
export function postViewMention(post: unknown, now: Date): ValidMention | null {
  if (!isObj(post) || typeof post.uri !== 'string' || !isObj(post.record) || typeof post.record.text !== 'string' || !isObj(post.author)) return null;
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(post.uri);
  if (!match) return null;
  const [, did, rkey] = match as unknown as [string, string, string];
  const indexedAt = typeof post.indexedAt === 'string' ? post.indexedAt : null;
  return streamMention({
    externalId: post.uri, text: post.record.text, author: typeof post.author.handle === 'string' ? post.author.handle : did,
    url: `https://bsky.app/profile/${did}/post/${rkey}`, publishedAt: indexedAt, lang: scoredLanguage(post.record.langs),
    reach: { network: 'bluesky', likes: count(post.likeCount), reposts: count(post.repostCount), replies: count(post.replyCount) },
  }, now);
}

export interface BackfillDeps { db: Kysely<DB>; logger: Logger; ingest: IngestService; secrets: SecretBox; policy: AddressPolicy; options: StreamOptions; clock: Clock }

export function createBlueskyBackfill(deps: BackfillDeps) {
  const http = (what: string) => ({ policy: deps.policy, timeoutMs: deps.options.httpTimeoutMs, maxBytes: 8 * 1024 * 1024, userAgent: deps.options.userAgent, what });

  async function backfillSource(source: { id: string; config: Record<string, unknown>; secrets: string | null }, watchlist: { id: string; query: string }): Promise<number> {
    const secrets = await deps.secrets.open(source.secrets);
    const identifier = typeof source.config.identifier === 'string' ? source.config.identifier : null;
    if (!identifier || !secrets.app_password) return 0;
    const service = (typeof source.config.service === 'string' ? source.config.service : DEFAULT_SERVICE).replace(/\/+$/, '');
    const session = await requestJson(`${service}/xrpc/com.atproto.server.createSession`, { ...http('Bluesky sign-in'), method: 'POST', body: { identifier, password: secrets.app_password } });
    const jwt = isObj(session.json) && typeof session.json.accessJwt === 'string' ? session.json.accessJwt : null;
    if (!jwt) throw new Error('Bluesky sign-in answered without an access token');
    const query = compileQuery(watchlist.query);
    const mentions: ValidMention[] = [];
    for (const q of searchesOf(parseQuery(watchlist.query))) {
      const url = `${service}/xrpc/app.bsky.feed.searchPosts?${new URLSearchParams({ q, sort: 'latest', limit: String(PAGE) }).toString()}`;
      const { json } = await requestJson(url, { ...http('Bluesky search'), headers: { authorization: `Bearer ${jwt}` } });
      const posts = isObj(json) && Array.isArray(json.posts) ? json.posts : [];
      for (const post of posts) {
        const m = postViewMention(post, deps.clock.now());
        if (m && query.matches(analyze(m.text, m.lang ?? 'auto'))) mentions.push(m);
      }
    }
    if (mentions.length === 0) return 0;
    return (await deps.ingest.store({ id: source.id, kind: 'bluesky' }, mentions)).accepted;
  }

  /** Runs after a watchlist is created; failures are logged per source, never thrown. */
  return async function backfill(watchlist: { id: string; query: string }): Promise<void> {
    for (const source of await streamRepository.backfillSources(deps.db)) {
      try {
        const stored = await backfillSource(source, watchlist);
        deps.logger.info({ sourceId: source.id, watchlistId: watchlist.id, stored }, 'bluesky backfill done');
      } catch (err) {
        deps.logger.warn({ sourceId: source.id, watchlistId: watchlist.id, err: (err as Error).message }, 'bluesky backfill failed');
      }
    }
  };
}
