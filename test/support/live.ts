// A listening server and websocket clients for tests that need real sockets.
import type { FastifyInstance } from 'fastify';
import { WebSocket } from 'ws';

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

export interface StreamMessage { type: string; id: string; at: string; data: Record<string, unknown> }

export interface StreamClient {
  messages: StreamMessage[];
  waitFor(predicate: (m: StreamMessage) => boolean, timeoutMs?: number): Promise<StreamMessage>;
  close(): Promise<void>;
}

export async function openStream(baseUrl: string, token: string, options: { since?: string; via?: 'header' | 'query' } = {}): Promise<StreamClient> {
  const url = new URL('/api/v1/stream', baseUrl.replace(/^http/, 'ws'));
  if (options.since) url.searchParams.set('since', options.since);
  if (options.via === 'query') url.searchParams.set('token', token);
  const socket = new WebSocket(url, options.via === 'query' ? {} : { headers: { authorization: `Bearer ${token}` } });
  const messages: StreamMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('message', (raw) => {
    messages.push(JSON.parse(String(raw)) as StreamMessage);
    for (const w of waiters) w();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: ${res.statusCode}`)));
    socket.once('error', reject);
  });
  return {
    messages,
    waitFor(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (found) { waiters.delete(check); clearTimeout(timer); resolve(found); }
        };
        const timer = setTimeout(() => { waiters.delete(check); reject(new Error(`no matching stream message within ${timeoutMs} ms (got ${messages.map((m) => m.type).join(', ') || 'nothing'})`)); }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => {
      if (socket.readyState === WebSocket.CLOSED) return resolve();
      socket.once('close', () => resolve());
      socket.close();
    }),
  };
}

export async function waitUntil<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 5000, stepMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
