// The feed collector's database-free part, for the scheduler and the preview endpoint:
//   fetchFeed(url, options)   → conditional GET with SSRF guard, limits, redirects, Retry-After
//   parseFeed(text, options)  → mentions (RSS 0.9x/2.0, RDF/RSS 1.0, Atom 1.0)
//   HostLimiter               → per-host concurrency
// Failures are FeedFetchError / FeedParseError, whose messages are fit for a source's last_error.
export { fetchFeed, DEFAULT_FETCH_LIMITS } from './fetch.js';
export type { FetchOptions, FetchResult } from './fetch.js';
export { parseFeed } from './parse.js';
export type { ParseFeedOptions, ParsedFeed, ParsedMention } from './parse.js';
export { FeedFetchError, FeedParseError } from './errors.js';
export type { FeedFetchErrorCode, FeedParseErrorCode } from './errors.js';
export { NotAFeedError, advertisedFeedLinks } from './sniff.js';
export { HostLimiter, hostKey } from './limiter.js';
export { decodeFeedBytes } from './charset.js';
export { MAX_MENTION_TEXT_LENGTH, DEFAULT_MAX_ITEMS } from './normalise.js';
