// One HTTP exchange for the feed fetcher, on node:http/https so that we control the DNS lookup (the
// SSRF guard runs at connect time), the timeouts and the number of bytes read.
import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { HostResolutionError, UnsafeUrlError } from '../net/address-guard.js';
import { bareAddress } from '../net/ip.js';
import { FeedFetchError } from './errors.js';

export interface HopRequest {
  url: URL;
  headers: Record<string, string>;
  /** Epoch milliseconds by which the whole fetch (all hops, body included) must be done. */
  deadline: number;
  totalTimeoutMs: number;
  connectTimeoutMs: number;
  maxBytes: number;
  lookup: LookupFunction;
  /** Whether to read the body of an answer with this status (otherwise it is discarded unread). */
  wantsBody: (status: number) => boolean;
  /** GET unless given (the JSON connectors POST to OAuth token endpoints). */
  method?: string;
  body?: string;
}

export interface HopResponse {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  /** Still content-encoded; null when the body was not wanted. */
  body: Buffer | null;
}

const TLS_ERROR = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(?:GET|VERIFY)|DEPTH_ZERO|HOSTNAME_MISMATCH/;

export function describeNetworkError(err: unknown, url: URL): FeedFetchError {
  if (err instanceof FeedFetchError) return err;
  if (err instanceof UnsafeUrlError) return new FeedFetchError('unsafe_url', err.message, { cause: err });
  const host = url.host;
  if (err instanceof HostResolutionError) return new FeedFetchError('dns', `could not resolve host ${url.hostname}`, { cause: err });
  const code = String((err as NodeJS.ErrnoException | null)?.code ?? '');
  const message = err instanceof Error ? err.message : String(err);
  if (/^EAI_|^ENOTFOUND$/.test(code)) return new FeedFetchError('dns', `could not resolve host ${url.hostname}`, { cause: err });
  if (code === 'ECONNREFUSED') return new FeedFetchError('network', `connection refused by ${host}`, { cause: err });
  if (code === 'ECONNRESET' || code === 'EPIPE') return new FeedFetchError('network', `connection reset by ${host}`, { cause: err });
  if (code === 'ETIMEDOUT') return new FeedFetchError('timeout', `connection to ${host} timed out`, { cause: err });
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return new FeedFetchError('network', `${host} is unreachable`, { cause: err });
  if (code.startsWith('HPE_')) return new FeedFetchError('network', `invalid HTTP response from ${host}`, { cause: err });
  if (TLS_ERROR.test(code)) return new FeedFetchError('tls', `TLS error with ${host}: ${message}`, { cause: err });
  return new FeedFetchError('network', `request to ${host} failed: ${message}`, { cause: err });
}

function requestOptions(request: HopRequest): http.RequestOptions {
  const { url } = request;
  const options: http.RequestOptions = {
    protocol: url.protocol,
    hostname: bareAddress(url.hostname),
    path: `${url.pathname}${url.search}`,
    method: request.method ?? 'GET',
    headers: request.headers,
    lookup: request.lookup,
    agent: false, // a fresh socket per request: no pooled socket can skip the guarded lookup
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username !== '') options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  return options;
}

export function requestHop(request: HopRequest): Promise<HopResponse> {
  const { url, maxBytes } = request;
  const remaining = request.deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new FeedFetchError('timeout', `timed out after ${request.totalTimeoutMs} ms`));

  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      finish();
    };
    const req = client.request(requestOptions(request));
    const abort = (err: unknown) => {
      settle(() => reject(describeNetworkError(err, url)));
      req.destroy();
    };

    timers.push(setTimeout(() => abort(new FeedFetchError('timeout', `no complete answer from ${url.host} within ${request.totalTimeoutMs} ms`)), remaining));
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => abort(new FeedFetchError('timeout', `could not connect to ${url.host} within ${request.connectTimeoutMs} ms`)), request.connectTimeoutMs);
      timers.push(timer);
      socket.once('connect', () => clearTimeout(timer));
    });
    req.on('error', abort);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const head = { status, statusText: res.statusMessage ?? '', headers: res.headers };
      if (!request.wantsBody(status)) {
        settle(() => resolve({ ...head, body: null }));
        req.destroy();
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        abort(new FeedFetchError('too_large', `the response is ${declared} bytes, more than the ${maxBytes} allowed`));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > maxBytes) abort(new FeedFetchError('too_large', `the response exceeds ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => settle(() => resolve({ ...head, body: Buffer.concat(chunks) })));
      res.on('error', abort);
      res.on('close', () => {
        if (!res.complete) abort(new FeedFetchError('network', `the connection to ${url.host} closed before the response was complete`));
      });
    });
    req.end(request.body);
  });
}
