// fetchFeed: a conditional GET of a feed URL, safe against SSRF, slow or huge answers and redirect
// games. Every failure is a FeedFetchError whose one-line message can be stored as the source's
// last_error; 429/503 answers carry the server's Retry-After for the scheduler's backoff.
import { createGuardedLookup, parseGuardedUrl, UnsafeUrlError } from '../net/address-guard.js';
import type { AddressPolicy } from '../net/address-guard.js';
import { decodeFeedBytes } from './charset.js';
import { decodeContentEncoding } from './decompress.js';
import { FeedFetchError } from './errors.js';
import { requestHop } from './http-hop.js';
import type { HopResponse } from './http-hop.js';
import { parseRetryAfter } from './retry-after.js';

export { FeedFetchError } from './errors.js';
export type { FeedFetchErrorCode } from './errors.js';

export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  /** For the whole fetch: connection, redirects and body. */
  timeoutMs: number;
  /** For establishing each TCP connection; default min(timeoutMs, 10 s). */
  connectTimeoutMs?: number;
  /** Limit on the body, both as received and once decompressed. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  policy: AddressPolicy;
}

export const DEFAULT_FETCH_LIMITS = Object.freeze({
  timeoutMs: 20_000,
  connectTimeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'Pilotfish/0.1 (feed collector; +https://github.com/pilotfish)',
});

export type FetchResult =
  | {
      status: 'ok';
      /** Decoded to a JS string using the charset rules of decodeFeedBytes. */
      body: string;
      charset: string;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
      httpStatus: number;
      /** Set when every redirect was permanent (301/308): the URL the source should be updated to. */
      permanentRedirect: string | null;
    }
  | { status: 'not_modified'; etag: string | null; lastModified: string | null };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECTS = new Set([301, 308]);
const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

function header(response: HopResponse, name: string): string | null {
  const value = response.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === '' ? null : text;
}

function guard(url: string, policy: AddressPolicy, redirectedFrom?: URL): URL {
  try {
    return parseGuardedUrl(url, policy);
  } catch (err) {
    if (!(err instanceof UnsafeUrlError)) throw err;
    const context = redirectedFrom ? `redirect from ${redirectedFrom.href} refused: ` : '';
    throw new FeedFetchError(err.reason === 'invalid_url' ? 'bad_url' : 'unsafe_url', `${context}${err.message}`, { cause: err });
  }
}

function requestHeaders(options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return headers;
}

function statusError(response: HopResponse, url: URL, redirected: boolean): FeedFetchError {
  const { status } = response;
  const retryAfterSeconds = status === 429 || status === 503 ? parseRetryAfter(response.headers['retry-after']) : undefined;
  const reason = response.statusText ? ` ${response.statusText}` : '';
  const from = redirected ? ` from ${url.href}` : '';
  const retry = retryAfterSeconds !== undefined ? ` (retry after ${retryAfterSeconds} s)` : '';
  const details: { httpStatus: number; retryAfterSeconds?: number } = { httpStatus: status };
  if (retryAfterSeconds !== undefined) details.retryAfterSeconds = retryAfterSeconds;
  return new FeedFetchError('http_status', `HTTP ${status}${reason}${from}${retry}`, details);
}

function nextLocation(response: HopResponse, current: URL): string {
  const location = header(response, 'location');
  if (!location) throw new FeedFetchError('http_status', `HTTP ${response.status} redirect without a Location header`, { httpStatus: response.status });
  try {
    return new URL(location, current).href;
  } catch {
    throw new FeedFetchError('bad_url', `invalid redirect Location: ${location.slice(0, 200)}`, { httpStatus: response.status });
  }
}

export async function fetchFeed(url: string, options: FetchOptions): Promise<FetchResult> {
  try {
    return await fetchWithRedirects(url, options);
  } catch (err) {
    // Whatever escapes (a bug, an odd runtime error) still reaches the scheduler as a FeedFetchError.
    if (err instanceof FeedFetchError) throw err;
    throw new FeedFetchError('network', `fetching ${url.slice(0, 200)} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

async function fetchWithRedirects(url: string, options: FetchOptions): Promise<FetchResult> {
  const deadline = Date.now() + options.timeoutMs;
  const connectTimeoutMs = options.connectTimeoutMs ?? Math.min(options.timeoutMs, DEFAULT_FETCH_LIMITS.connectTimeoutMs);
  const lookup = createGuardedLookup(options.policy);
  const headers = requestHeaders(options);
  let current = guard(url, options.policy);
  const visited = new Set([current.href]);
  let redirects = 0;
  let allPermanent = true;

  for (;;) {
    const response = await requestHop({
      url: current,
      headers,
      deadline,
      totalTimeoutMs: options.timeoutMs,
      connectTimeoutMs,
      maxBytes: options.maxBytes,
      lookup,
      wantsBody: (status) => status >= 200 && status < 300,
    });
    if (REDIRECT_STATUSES.has(response.status)) {
      const next = nextLocation(response, current);
      if (visited.has(next)) throw new FeedFetchError('redirect_loop', `redirect loop: ${current.href} leads back to ${next}`, { httpStatus: response.status });
      if (redirects >= options.maxRedirects) {
        throw new FeedFetchError('too_many_redirects', `more than ${options.maxRedirects} redirects (last one to ${next})`, { httpStatus: response.status });
      }
      current = guard(next, options.policy, current);
      visited.add(current.href);
      redirects += 1;
      allPermanent &&= PERMANENT_REDIRECTS.has(response.status);
      continue;
    }
    if (response.status === 304) {
      return { status: 'not_modified', etag: header(response, 'etag') ?? options.etag ?? null, lastModified: header(response, 'last-modified') ?? options.lastModified ?? null };
    }
    if (response.status < 200 || response.status >= 300 || response.body === null) throw statusError(response, current, redirects > 0);
    const contentType = header(response, 'content-type');
    const bytes = await decodeContentEncoding(response.body, header(response, 'content-encoding') ?? undefined, options.maxBytes);
    const { text, charset } = decodeFeedBytes(bytes, contentType);
    return {
      status: 'ok',
      body: text,
      charset,
      contentType,
      etag: header(response, 'etag'),
      lastModified: header(response, 'last-modified'),
      finalUrl: current.href,
      httpStatus: response.status,
      permanentRedirect: redirects > 0 && allPermanent ? current.href : null,
    };
  }
}
