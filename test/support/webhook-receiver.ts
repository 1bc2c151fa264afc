/**
 * A webhook receiver for tests: node:http on 127.0.0.1, random port. It records every request with
 * its raw body and headers, checks the Pilotfish signature when given the secret, and can misbehave:
 * answer an error status for the first N requests, answer slowly, or answer with any status.
 *
 *   const hook = await startWebhookReceiver({ secret: 's3cret', failFirst: 2 });
 *   ...deliver to hook.url...
 *   const [request] = await hook.waitFor(1);
 *   expect(request.signatureValid).toBe(true);
 *   await hook.stop();
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../src/notify/webhook.js';

export interface ReceivedWebhook {
  method: string;
  /** Path and query, e.g. "/hooks/slack?x=1". */
  path: string;
  /** Lower-cased names, as node:http gives them. */
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  /** The parsed body, or null when it is not JSON. */
  json: unknown;
  /** null when the receiver has no secret to check with. */
  signatureValid: boolean | null;
  /** The status this receiver answered. */
  status: number;
  receivedAt: Date;
}

export interface Reply { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }

export interface WebhookReceiverOptions {
  /** Checks X-Pilotfish-Signature with this secret; a bad signature is answered 401. */
  secret?: string;
  /** The first N requests are answered with `failStatus` (default 500). */
  failFirst?: number;
  failStatus?: number;
  /** Extra headers on failure answers, e.g. { 'retry-after': '30' }. */
  failHeaders?: Record<string, string>;
  /** Wait this long before answering every request (to test client timeouts). */
  delayMs?: number;
  /** Full control: the answer for the n-th request (0-based), or undefined for the default behaviour. */
  respond?: (request: ReceivedWebhook, index: number) => Reply | undefined;
}

export interface TestWebhookReceiver {
  readonly url: string;
  readonly port: number;
  readonly requests: ReceivedWebhook[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  /** Answer the next N requests with `status` (default 500). */
  failNext(count: number, status?: number, headers?: Record<string, string>): void;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<TestWebhookReceiver> {
  const requests: ReceivedWebhook[] = [];
  let failuresLeft = options.failFirst ?? 0;
  let failStatus = options.failStatus ?? 500;
  let failHeaders = options.failHeaders ?? {};

  function decide(request: ReceivedWebhook, index: number): Reply {
    const custom = options.respond?.(request, index);
    if (custom) return custom;
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      return { status: failStatus, headers: failHeaders, body: 'simulated failure' };
    }
    if (request.signatureValid === false) return { status: 401, body: 'bad signature' };
    return { status: 200, body: 'ok' };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const signatureValid = options.secret === undefined ? null : verifySignature(
        options.secret, header(req.headers, 'x-pilotfish-timestamp'), rawBody, header(req.headers, 'x-pilotfish-signature'));
      const received: ReceivedWebhook = {
        method: req.method ?? '', path: req.url ?? '', headers: req.headers, rawBody, json: parseJson(rawBody),
        signatureValid, status: 0, receivedAt: new Date(),
      };
      const index = requests.length;
      requests.push(received);
      const reply = decide(received, index);
      received.status = reply.status;
      const delay = reply.delayMs ?? options.delayMs ?? 0;
      const timer = setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
        res.end(reply.body ?? '');
      }, delay);
      res.on('close', () => clearTimeout(timer));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${HOST}:${port}/hook`,
    port,
    requests,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`Webhook receiver: expected ${count} request(s), got ${requests.length}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return requests.slice(0, count);
    },
    failNext(count, status = 500, headers = {}) {
      failuresLeft = count;
      failStatus = status;
      failHeaders = headers;
    },
    stop() {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
