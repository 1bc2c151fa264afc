// A JSON request for connectors' REST calls (Mastodon timelines, Bluesky search and sessions) on node:http
// with the guarded DNS lookup, a timeout and a size limit. Answers are classified for the runtime: 401/403,
// 429 (+ Retry-After), 5xx, an HTML page where JSON was expected, invalid JSON.
import http from 'node:http';
import https from 'node:https';
import { createGuardedLookup, parseGuardedUrl, type AddressPolicy } from '../net/address-guard.js';
import { bareAddress } from '../net/ip.js';
import { parseRetryAfter } from '../feed/retry-after.js';
import { ConnectorError, errorForStatus } from './errors.js';

export interface JsonRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  policy: AddressPolicy;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  what: string;
}

export interface JsonAnswer { status: number; headers: http.IncomingHttpHeaders; json: unknown }

export async function requestJson(url: string, request: JsonRequest): Promise<JsonAnswer> {
  let parsed: URL;
  try {
    parsed = parseGuardedUrl(url, request.policy);
  } catch (err) {
    throw new ConnectorError('config', (err as Error).message);
  }
  const { status, headers, body } = await exchange(parsed, request);
  const failure = errorForStatus(status, request.what, parseRetryAfter(headers['retry-after']));
  if (failure) throw failure;
  const text = body.toString('utf8');
  if (/text\/html/i.test(String(headers['content-type'] ?? '')) || /^\s*</.test(text)) {
    throw new ConnectorError('bad_response', `${request.what} answered an HTML page where JSON was expected`);
  }
  try {
    return { status, headers, json: JSON.parse(text) as unknown };
  } catch {
    throw new ConnectorError('bad_response', `${request.what} answered invalid JSON`);
  }
}

function exchange(url: URL, request: JsonRequest): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const payload = request.body === undefined ? null : Buffer.from(JSON.stringify(request.body));
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': request.userAgent, ...request.headers };
  if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(payload.length) });
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request({
      protocol: url.protocol, hostname: bareAddress(url.hostname), port: url.port || undefined, path: `${url.pathname}${url.search}`,
      method: request.method ?? 'GET', headers, lookup: createGuardedLookup(request.policy), agent: false, timeout: request.timeoutMs,
    });
    const fail = (err: ConnectorError) => { req.destroy(); reject(err); };
    req.on('timeout', () => fail(new ConnectorError('network', `${request.what}: no answer within ${request.timeoutMs} ms`)));
    req.on('error', (err) => fail(err instanceof ConnectorError ? err : new ConnectorError(/unsafe|not allowed/i.test(err.message) ? 'config' : 'network', `${request.what}: ${err.message}`)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > request.maxBytes) fail(new ConnectorError('bad_response', `${request.what} answered more than ${request.maxBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (err) => fail(new ConnectorError('network', `${request.what}: ${err.message}`)));
    });
    req.end(payload ?? undefined);
  });
}
