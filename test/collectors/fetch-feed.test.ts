import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedFetchError, fetchFeed } from '../../src/collectors/feed/fetch.js';
import type { FetchOptions, FetchResult } from '../../src/collectors/feed/fetch.js';
import { parseFeed } from '../../src/collectors/feed/parse.js';
import { FEED_XML, startFeedServer } from './support/feed-server.js';
import type { FeedServer } from './support/feed-server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

const options: FetchOptions = {
  timeoutMs: 2_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'pilotfish-test',
  policy: { allowPrivate: false, allowHosts: ['127.0.0.1'] },
};

async function fetchOk(path: string, overrides: Partial<FetchOptions> = {}): Promise<Extract<FetchResult, { status: 'ok' }>> {
  const result = await fetchFeed(server.url(path), { ...options, ...overrides });
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  return result;
}

async function fetchError(url: string, overrides: Partial<FetchOptions> = {}): Promise<FeedFetchError> {
  const outcome = await fetchFeed(url, { ...options, ...overrides }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(outcome).toBeInstanceOf(FeedFetchError);
  const err = outcome as FeedFetchError;
  expect(err.message).not.toMatch(/\n/);
  expect(err.message.length).toBeGreaterThan(10);
  return err;
}

describe('fetchFeed: successful and conditional requests', () => {
  it('fetches a feed that parses into mentions with absolute links', async () => {
    const result = await fetchOk('/feed');
    expect(result).toMatchObject({ httpStatus: 200, body: FEED_XML, finalUrl: server.url('/feed'), charset: 'utf-8', permanentRedirect: null });
    const feed = await parseFeed(result.body, { baseUrl: result.finalUrl, fetchedAt: new Date() });
    expect(feed.mentions[0]).toMatchObject({ external_id: 'local-1', url: server.url('/articles/1'), text: 'Grève chez ACME — Les salariés manifestent.' });
  });

  it('returns the ETag, then not_modified when it is sent back', async () => {
    const first = await fetchOk('/etag');
    expect(first.etag).toBe('"v1"');
    const second = await fetchFeed(server.url('/etag'), { ...options, etag: first.etag });
    expect(second).toEqual({ status: 'not_modified', etag: '"v1"', lastModified: null });
    expect(server.requests.filter((r) => r.path === '/etag').map((r) => r.ifNoneMatch)).toEqual([undefined, '"v1"']);
  });

  it('returns Last-Modified, then not_modified with If-Modified-Since, keeping the validators it was given', async () => {
    const first = await fetchOk('/last-modified');
    expect(first.lastModified).toBe('Mon, 04 Mar 2024 10:00:00 GMT');
    const second = await fetchFeed(server.url('/last-modified'), { ...options, lastModified: first.lastModified, etag: '"old"' });
    expect(second).toEqual({ status: 'not_modified', etag: '"old"', lastModified: 'Mon, 04 Mar 2024 10:00:00 GMT' });
  });

  it.each([['/gzip'], ['/deflate-raw'], ['/br']])('decodes a compressed body (%s)', async (path) => {
    expect((await fetchOk(path)).body).toBe(FEED_XML);
    expect(server.requests.find((r) => r.path === path)?.acceptEncoding).toMatch(/gzip/);
  });

  it('decodes the charset named in Content-Type', async () => {
    const result = await fetchOk('/latin1');
    expect(result.body).toContain('<title>Café</title>');
  });

  it('follows a chain of relative redirects within the limit and reports the final URL', async () => {
    const result = await fetchOk('/chain/3');
    expect(result.finalUrl).toBe(server.url('/chain/0'));
    expect(result.permanentRedirect).toBeNull(); // the chain mixes 302 and 308
    expect((await fetchOk('/moved')).permanentRedirect).toBe(server.url('/feed'));
  });
});

describe('fetchFeed: failures are FeedFetchErrors with readable messages', () => {
  it.each([
    ['/404', 404, /HTTP 404 Not Found/],
    ['/500', 500, /HTTP 500 Internal Server Error/],
  ])('%s → http_status', async (path, status, message) => {
    const err = await fetchError(server.url(path));
    expect(err).toMatchObject({ code: 'http_status', httpStatus: status });
    expect(err.message).toMatch(message);
  });

  it('429 carries Retry-After in seconds', async () => {
    const err = await fetchError(server.url('/429'));
    expect(err).toMatchObject({ code: 'http_status', httpStatus: 429, retryAfterSeconds: 120 });
  });

  it('503 carries a Retry-After given as an HTTP date', async () => {
    const err = await fetchError(server.url('/503-date'));
    expect(err.code).toBe('http_status');
    expect(err.retryAfterSeconds).toBeGreaterThanOrEqual(85);
    expect(err.retryAfterSeconds).toBeLessThanOrEqual(91);
  });

  it('times out on a server that never answers', async () => {
    const started = Date.now();
    const err = await fetchError(server.url('/slow-headers'), { timeoutMs: 300 });
    expect(err.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('times out on a body that trickles forever', async () => {
    const err = await fetchError(server.url('/slow-body'), { timeoutMs: 300 });
    expect(err.code).toBe('timeout');
  });

  it.each([
    ['/big', 'declared Content-Length'],
    ['/big-chunked', 'streamed without a length'],
    ['/gzip-bomb', 'small when compressed, huge once decompressed'],
  ])('refuses an oversized body: %s (%s)', async (path) => {
    const err = await fetchError(server.url(path));
    expect(err.code).toBe('too_large');
  });

  it('detects a redirect loop', async () => {
    const err = await fetchError(server.url('/loop-a'));
    expect(err.code).toBe('redirect_loop');
  });

  it('stops after too many redirects', async () => {
    const err = await fetchError(server.url('/chain/6'), { maxRedirects: 3 });
    expect(err.code).toBe('too_many_redirects');
    expect(err.message).toMatch(/more than 3 redirects/);
  });

  it('reports a redirect without a Location', async () => {
    expect((await fetchError(server.url('/redirect-no-location'))).code).toBe('http_status');
  });

  it.each([
    ['/reset', 'network'],
    ['/truncated-body', 'network'],
  ])('reports a connection cut short (%s)', async (path, code) => {
    expect((await fetchError(server.url(path))).code).toBe(code);
  });

  it('reports a refused connection', async () => {
    const closed = await startFeedServer();
    const url = closed.url('/feed');
    await closed.close();
    const err = await fetchError(url);
    expect(err.code).toBe('network');
  });

  it.each([['not a url', 'bad_url'], ['ftp://example.com/feed', 'unsafe_url'], ['http://nonexistent.invalid/feed', 'dns']])(
    '%s → %s',
    async (url, code) => {
      expect((await fetchError(url, { policy: { allowPrivate: false, allowHosts: [] } })).code).toBe(code);
    },
  );
});

describe('fetchFeed: the address guard', () => {
  const strict = { allowPrivate: false, allowHosts: [] };

  it.each([['http://10.0.0.1/feed'], ['http://169.254.169.254/latest/meta-data/'], ['http://[::1]/feed'], ['http://127.0.0.1:9/feed']])(
    'refuses %s by default, before connecting',
    async (url) => {
      const err = await fetchError(url, { policy: strict });
      expect(err.code).toBe('unsafe_url');
    },
  );

  it('refuses a host name that resolves to loopback, at connect time', async () => {
    const err = await fetchError(`http://localhost:${server.port}/feed`, { policy: strict });
    expect(err.code).toBe('unsafe_url');
    expect(err.message).toMatch(/localhost resolves to 127\.0\.0\.1/);
    expect(server.requests.length).toBeGreaterThan(0); // sanity: the server is up, the guard said no
  });

  it.each([
    ['/to-private', /10\.0\.0\.1/],
    ['/to-metadata', /169\.254\.169\.254/],
    ['/to-other-loopback', /127\.0\.0\.2/],
    ['/to-file', /only http and https/],
  ])('refuses a redirect from an allowed host to a refused target (%s)', async (path, message) => {
    const before = server.requests.length;
    const err = await fetchError(server.url(path));
    expect(err.code).toBe('unsafe_url');
    expect(err.message).toMatch(message);
    expect(server.requests.length).toBe(before + 1); // only the first hop reached a server
  });

  it('follows a redirect to a host name whose address is explicitly allowed', async () => {
    const result = await fetchOk('/to-localhost-name');
    expect(result.finalUrl).toBe(`http://localhost:${server.port}/feed`);
  });

  it('allows private addresses when the policy says so', async () => {
    const result = await fetchFeed(`http://localhost:${server.port}/feed`, { ...options, policy: { allowPrivate: true, allowHosts: [] } });
    expect(result.status).toBe('ok');
  });
});
