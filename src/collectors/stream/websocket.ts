// Opens a guarded websocket for a stream connector: ws(s):// only, the collectors' address policy applied
// both to the URL (literal addresses) and at connect time (DNS answers), a frame size limit, a handshake
// timeout, and a refused handshake turned into a ConnectorError that carries the HTTP status and Retry-After.
import WebSocket from 'ws';
import { createGuardedLookup, parseGuardedUrl, type AddressPolicy } from '../net/address-guard.js';
import { parseRetryAfter } from '../feed/retry-after.js';
import { ConnectorError, errorForStatus } from './errors.js';

export interface OpenSocketOptions {
  policy: AddressPolicy;
  headers?: Record<string, string>;
  /** Frames above this size close the connection (ws answers 1009); connectors skip smaller oversize frames themselves. */
  maxPayloadBytes: number;
  handshakeTimeoutMs: number;
  signal: AbortSignal;
  what: string;
}

/** Checks a ws(s):// URL under the address policy (by its http(s) twin) and returns it parsed. */
export function guardedSocketUrl(url: string, policy: AddressPolicy): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConnectorError('config', `invalid URL: ${url.slice(0, 200)}`);
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new ConnectorError('config', `a stream URL must be ws:// or wss://, not ${parsed.protocol}`);
  const twin = new URL(parsed.toString());
  twin.protocol = parsed.protocol === 'wss:' ? 'https:' : 'http:';
  try {
    parseGuardedUrl(twin.toString(), policy);
  } catch (err) {
    throw new ConnectorError('config', (err as Error).message);
  }
  return parsed;
}

/** Frames that arrived with or right after the handshake, before a reader was attached (a replay starts at once). */
const early = new WeakMap<WebSocket, { frames: [WebSocket.RawData, boolean][]; listener: (data: WebSocket.RawData, isBinary: boolean) => void }>();

/** Detaches the early buffer and returns what it caught, in order. */
export function takeEarlyFrames(socket: WebSocket): [WebSocket.RawData, boolean][] {
  const entry = early.get(socket);
  if (!entry) return [];
  socket.off('message', entry.listener);
  early.delete(socket);
  return entry.frames;
}

export function openSocket(url: URL, options: OpenSocketOptions): Promise<WebSocket> {
  guardedSocketUrl(url.toString(), options.policy);
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, {
      headers: options.headers, maxPayload: options.maxPayloadBytes, handshakeTimeout: options.handshakeTimeoutMs,
      lookup: createGuardedLookup(options.policy), perMessageDeflate: false, followRedirects: false,
    });
    const buffer: [WebSocket.RawData, boolean][] = [];
    const listener = (data: WebSocket.RawData, isBinary: boolean) => { buffer.push([data, isBinary]); };
    socket.on('message', listener);
    early.set(socket, { frames: buffer, listener });
    let settled = false;
    const fail = (err: ConnectorError) => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      socket.terminate();
      reject(err);
    };
    const onAbort = () => fail(new ConnectorError('network', 'stopped'));
    options.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0;
      const html = /text\/html/i.test(String(res.headers['content-type'] ?? ''));
      const retryAfter = parseRetryAfter(res.headers['retry-after']);
      res.resume();
      const base = errorForStatus(status, options.what, retryAfter) ?? new ConnectorError('bad_response', `${options.what} did not upgrade to a websocket (HTTP ${status})`);
      fail(html && base.kind === 'bad_response' ? new ConnectorError('bad_response', `${options.what} answered an HTML page (HTTP ${status}), not a websocket`) : base);
    });
    socket.on('error', (err) => fail(new ConnectorError('network', `${options.what}: ${err.message}`, undefined, { cause: err })));
    socket.once('open', () => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      resolve(socket);
    });
  });
}
