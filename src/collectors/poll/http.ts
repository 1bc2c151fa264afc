// A JSON client for the poll connectors: the feed fetcher's guarded hop (SSRF policy checked at connect
// time, timeouts, size limits), redirects re-checked, and answers classified into PollErrors the poller can
// act on: 401/403 → auth, 429 → rate_limited with Retry-After (or the rate-limit reset), an HTML page or
// broken JSON → malformed.
import type { IncomingHttpHeaders } from 'node:http';
import { createGuardedLookup, parseGuardedUrl, UnsafeUrlError, type AddressPolicy } from '../net/address-guard.js';
import { decodeContentEncoding } from '../feed/decompress.js';
import { FeedFetchError } from '../feed/errors.js';
import { requestHop, type HopResponse } from '../feed/http-hop.js';
import { parseRetryAfter } from '../feed/retry-after.js';
import { PollError } from './errors.js';
import { readRateLimit, type RateLimit } from './rate-limit.js';

export interface JsonClientOptions { policy: AddressPolicy; timeoutMs: number; maxBytes: number; maxRedirects: number; userAgent: string; nowMs: () => number }

export interface JsonAnswer { json: unknown; rateLimit: RateLimit; headers: IncomingHttpHeaders }

export interface JsonRequest { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }

export type JsonClient = (url: string, request?: JsonRequest) => Promise<JsonAnswer>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_RATE_LIMITED_WAIT = 60;

function guard(url: string, policy: AddressPolicy): URL {
  try {
    return parseGuardedUrl(url, policy);
  } catch (err) {
    if (err instanceof UnsafeUrlError) throw new PollError('network', err.message, { cause: err });
    throw err;
  }
}

function statusError(res: HopResponse, url: URL, nowMs: number): PollError {
  const what = `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} from ${url.host}`;
  if (res.status === 401 || res.status === 403) {
    return new PollError('auth', `${what}: the network refused our credentials or access; check the source's settings, then re-enable it`, { httpStatus: res.status });
  }
  if (res.status === 429) {
    const wait = parseRetryAfter(res.headers['retry-after'], nowMs) ?? readRateLimit(res.headers, nowMs).resetSeconds ?? DEFAULT_RATE_LIMITED_WAIT;
    return new PollError('rate_limited', `${what}: rate limited, retrying in ${wait} s`, { httpStatus: 429, retryAfterSeconds: wait });
  }
  const retry = res.status === 503 ? parseRetryAfter(res.headers['retry-after'], nowMs) : undefined;
  return new PollError('http', what, { httpStatus: res.status, ...(retry !== undefined ? { retryAfterSeconds: retry } : {}) });
}

function parseJson(text: string, contentType: string | undefined, url: URL): unknown {
  const looksHtml = /html/i.test(contentType ?? '') || /^\s*</.test(text);
  if (looksHtml) throw new PollError('malformed', `expected JSON from ${url.host}, got an HTML page (${contentType ?? 'no content type'})`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PollError('malformed', `invalid JSON from ${url.host}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function createJsonClient(options: JsonClientOptions): JsonClient {
  const lookup = createGuardedLookup(options.policy);
  return async (url, request = {}) => {
    let current = guard(url, options.policy);
    // Network timeouts are wall-clock time, whatever clock the poller is given.
    const deadline = Date.now() + options.timeoutMs;
    const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: 'application/json', 'accept-encoding': 'gzip, deflate, br', ...request.headers };
    for (let redirects = 0; ; redirects += 1) {
      let res: HopResponse;
      try {
        res = await requestHop({
          url: current, headers, deadline, totalTimeoutMs: options.timeoutMs,
          connectTimeoutMs: Math.min(options.timeoutMs, 10_000), maxBytes: options.maxBytes, lookup,
          wantsBody: (status) => status >= 200 && status < 300, method: request.method ?? 'GET', ...(request.body !== undefined ? { body: request.body } : {}),
        });
      } catch (err) {
        if (err instanceof FeedFetchError) throw new PollError('network', err.message, { cause: err });
        throw err;
      }
      if (REDIRECTS.has(res.status) && (request.method ?? 'GET') === 'GET') {
        const location = res.headers.location;
        if (!location || redirects >= options.maxRedirects) throw new PollError('http', `HTTP ${res.status} from ${current.host}: too many redirects or no Location`, { httpStatus: res.status });
        current = guard(new URL(location, current).href, options.policy);
        continue;
      }
      if (res.status < 200 || res.status >= 300 || res.body === null) throw statusError(res, current, options.nowMs());
      const contentEncoding = res.headers['content-encoding'];
      const bytes = await decodeContentEncoding(res.body, contentEncoding, options.maxBytes).catch((err: unknown) => {
        throw new PollError('malformed', `could not decode the answer of ${current.host}: ${err instanceof Error ? err.message : String(err)}`);
      });
      const json = parseJson(bytes.toString('utf8'), res.headers['content-type'], current);
      return { json, rateLimit: readRateLimit(res.headers, options.nowMs()), headers: res.headers };
    }
  };
}
