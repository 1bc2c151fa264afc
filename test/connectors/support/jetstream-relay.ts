// A local Jetstream relay written from Jetstream's public documentation: GET /subscribe upgraded to a
// websocket, `wantedCollections` (repeatable) filters commits, `cursor` (time_us) replays the retained
// events from that time on, then live events follow. Tests drive it: emit events, drop connections, refuse
// handshakes with a status (401, 429 + Retry-After, an HTML page), send raw frames.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface JetstreamEvent { did: string; time_us: number; kind: 'commit' | 'identity' | 'account'; commit?: Record<string, unknown>; identity?: Record<string, unknown>; account?: Record<string, unknown> }

interface Client { socket: WebSocket; collections: string[] }

export interface Refusal { status: number; headers?: Record<string, string>; body?: string }

export class JetstreamRelay {
  readonly log: JetstreamEvent[] = [];
  readonly handshakes: URL[] = [];
  private readonly clients = new Set<Client>();
  private refusals: Refusal[] = [];
  private clock = Date.now() * 1000;
  private server!: http.Server;
  private wss!: WebSocketServer;

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ noServer: true });
    this.server = http.createServer((req, res) => this.xrpc(req, res));
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string { return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/subscribe`; }
  get connections(): number { return this.clients.size; }

  /** Posts app.bsky.feed.searchPosts finds (PostViews), and the one account that may sign in. */
  readonly searchable: Record<string, unknown>[] = [];
  account = { identifier: 'crisis.acme.example', password: 'app-pass-word-1234' };
  readonly searches: URLSearchParams[] = [];

  /** The AppView/PDS side, from the lexicons: com.atproto.server.createSession and app.bsky.feed.searchPosts. */
  private xrpc(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://relay');
    const json = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
    if (req.method === 'POST' && url.pathname === '/xrpc/com.atproto.server.createSession') {
      let body = '';
      req.on('data', (c: Buffer) => { body += c.toString(); });
      req.on('end', () => {
        const { identifier, password } = JSON.parse(body) as { identifier: string; password: string };
        if (identifier !== this.account.identifier || password !== this.account.password) return json(401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
        json(200, { accessJwt: 'jwt-access', refreshJwt: 'jwt-refresh', did: 'did:plc:crisis', handle: identifier });
      });
      return;
    }
    if (url.pathname === '/xrpc/app.bsky.feed.searchPosts') {
      if (req.headers.authorization !== 'Bearer jwt-access') return json(401, { error: 'AuthenticationRequired' });
      this.searches.push(url.searchParams);
      const terms = (url.searchParams.get('q') ?? '').toLowerCase().replace(/"/g, '').split(/\s+/).filter(Boolean);
      const posts = this.searchable.filter((p) => terms.every((t) => String((p.record as { text: string }).text).toLowerCase().includes(t)));
      return json(200, { posts: posts.slice(0, Number(url.searchParams.get('limit') ?? 25)), hitsTotal: posts.length });
    }
    json(404, { error: 'MethodNotImplemented' });
  }

  /** The next handshakes are answered with these statuses instead of an upgrade, in order. */
  refuse(...refusals: Refusal[]): void { this.refusals.push(...refusals); }

  private upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://relay');
    this.handshakes.push(url);
    const refusal = this.refusals.shift();
    if (refusal || url.pathname !== '/subscribe') {
      const r = refusal ?? { status: 404 };
      const body = r.body ?? '';
      const headers = Object.entries({ 'content-length': String(Buffer.byteLength(body)), connection: 'close', ...r.headers }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      socket.end(`HTTP/1.1 ${r.status} ${http.STATUS_CODES[r.status] ?? ''}\r\n${headers}\r\n${body}`);
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const client: Client = { socket: ws, collections: url.searchParams.getAll('wantedCollections') };
      const cursor = Number(url.searchParams.get('cursor') ?? NaN);
      if (Number.isFinite(cursor)) for (const event of this.log) if (event.time_us >= cursor) this.send(client, event);
      this.clients.add(client);
      ws.on('close', () => this.clients.delete(client));
      ws.on('error', () => this.clients.delete(client));
    });
  }

  private wants(client: Client, event: JetstreamEvent): boolean {
    if (event.kind !== 'commit' || client.collections.length === 0) return true;
    return client.collections.includes(String(event.commit?.collection));
  }

  private send(client: Client, event: JetstreamEvent): void {
    if (this.wants(client, event)) client.socket.send(JSON.stringify(event));
  }

  /** Appends an event (time_us strictly increasing) and sends it to connected clients. */
  emit(event: Omit<JetstreamEvent, 'time_us'> & { time_us?: number }): JetstreamEvent {
    this.clock = Math.max(this.clock + 1, event.time_us ?? 0);
    const full = { ...event, time_us: this.clock } as JetstreamEvent;
    this.log.push(full);
    for (const client of this.clients) this.send(client, full);
    return full;
  }

  /** Sends a raw text frame to every client (malformed input). */
  sendRaw(text: string): void { for (const c of this.clients) c.socket.send(text); }

  /** Cuts every connection without a close frame (a network drop). */
  dropAll(): void { for (const c of this.clients) c.socket.terminate(); this.clients.clear(); }

  async close(): Promise<void> {
    this.dropAll();
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

let seq = 0;
export const did = (n: number) => `did:plc:user${n}`;
export const rkey = () => `3k${(seq++).toString(36).padStart(8, '0')}`;

export function postEvent(author: number, text: string, langs: string[] = ['en']): Omit<JetstreamEvent, 'time_us'> {
  return { did: did(author), kind: 'commit', commit: { rev: `r${seq}`, operation: 'create', collection: 'app.bsky.feed.post', rkey: rkey(), cid: 'bafy', record: { $type: 'app.bsky.feed.post', text, langs, createdAt: new Date().toISOString() } } };
}
/** A PostView as searchPosts returns it. */
export function postView(author: number, text: string, likes = 3): Record<string, unknown> {
  const key = rkey();
  return {
    uri: `at://${did(author)}/app.bsky.feed.post/${key}`, cid: 'bafy', author: { did: did(author), handle: `user${author}.bsky.social` },
    record: { $type: 'app.bsky.feed.post', text, langs: ['en'], createdAt: new Date(Date.now() - 3600_000).toISOString() },
    indexedAt: new Date(Date.now() - 3600_000).toISOString(), likeCount: likes, repostCount: 1, replyCount: 0,
  };
}

export function likeEvent(author: number): Omit<JetstreamEvent, 'time_us'> {
  return { did: did(author), kind: 'commit', commit: { rev: `r${seq}`, operation: 'create', collection: 'app.bsky.feed.like', rkey: rkey(), record: { $type: 'app.bsky.feed.like', subject: { uri: 'at://x', cid: 'y' }, createdAt: new Date().toISOString() } } };
}
export function deleteEvent(author: number, key: string): Omit<JetstreamEvent, 'time_us'> {
  return { did: did(author), kind: 'commit', commit: { rev: `r${seq}`, operation: 'delete', collection: 'app.bsky.feed.post', rkey: key } };
}
export function identityEvent(author: number, handle: string): Omit<JetstreamEvent, 'time_us'> {
  return { did: did(author), kind: 'identity', identity: { did: did(author), handle, seq: seq++, time: new Date().toISOString() } };
}
