// A local Mastodon instance written from docs.joinmastodon.org: REST timelines (GET /api/v1/timelines/tag/:tag
// and /api/v1/timelines/public, newest first, `limit`, `min_id` = the page just after that id), and the
// streaming API (websocket /api/v1/streaming; `{"type":"subscribe","stream":"hashtag","tag"}` messages;
// events `{"stream":[...], "event":"update"|"delete", "payload"}` with the status as a JSON string).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Status {
  id: string; created_at: string; content: string; language: string | null; url: string; uri: string; spoiler_text: string;
  reblogs_count: number; favourites_count: number; replies_count: number; reblog: Status | null;
  account: { id: string; acct: string; followers_count: number }; tags: { name: string }[]; local: boolean;
}

interface Subscriber { socket: WebSocket; streams: Set<string> }

export class MastodonServer {
  readonly statuses: Status[] = [];
  readonly requests: { path: string; query: URLSearchParams; authorization: string | undefined }[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private nextId = 110_000_000_000_000_000n;
  /** When set, requests must carry this bearer token (401 otherwise). */
  token: string | null = null;
  /** While down: REST answers 503 and the streaming API refuses. */
  down = false;
  /** The streaming API answers 404 with an HTML page (instances that put it elsewhere or turned it off). */
  streamingDisabled = false;
  private rateLimited: { count: number; retryAfter: string } | null = null;
  private server!: http.Server;
  private wss!: WebSocketServer;
  private pinger!: NodeJS.Timeout;

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ noServer: true });
    this.server = http.createServer((req, res) => this.rest(req, res));
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.pinger = setInterval(() => { for (const s of this.subscribers) s.socket.ping(); }, 200);
    return this;
  }

  get url(): string { return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`; }
  get streamingClients(): number { return this.subscribers.size; }

  /** The next `count` REST requests answer 429 with this Retry-After. */
  rateLimitNext(count: number, retryAfter: string): void { this.rateLimited = { count, retryAfter }; }

  /** Posts a status (and streams it to subscribers of its tags and of the public timelines). */
  post(content: string, options: { tags?: string[]; language?: string | null; followers?: number; acct?: string; reblogOf?: Status; reblogs?: number } = {}): Status {
    const id = String(this.nextId += 1000n);
    const tags = options.tags ?? [];
    const status: Status = {
      id, created_at: new Date().toISOString(), content: `<p>${content}</p>`, language: options.language ?? 'en',
      url: `https://social.example/@${options.acct ?? 'alice'}/${id}`, uri: `https://social.example/users/alice/statuses/${id}`, spoiler_text: '',
      reblogs_count: options.reblogs ?? 0, favourites_count: 2, replies_count: 1, reblog: options.reblogOf ?? null,
      account: { id: '1', acct: options.acct ?? 'alice@social.example', followers_count: options.followers ?? 150 }, tags: tags.map((name) => ({ name })), local: true,
    };
    if (options.reblogOf) status.content = '';
    this.statuses.push(status);
    const forTags = options.reblogOf ? [] : tags; // boosts do not appear in hashtag timelines
    for (const s of this.subscribers) {
      const streams: string[][] = [...forTags.filter((t) => s.streams.has(`hashtag:${t.toLowerCase()}`)).map((t) => ['hashtag', t])];
      if (s.streams.has('public')) streams.push(['public']);
      for (const stream of streams) s.socket.send(JSON.stringify({ stream, event: 'update', payload: JSON.stringify(status) }));
    }
    return status;
  }

  /** Streams an update frame to every subscriber, as is (boosts on a hashtag stream, odd payloads). */
  streamRaw(frame: unknown): void { for (const s of this.subscribers) s.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)); }

  deleteStatus(id: string): void {
    for (const s of this.subscribers) s.socket.send(JSON.stringify({ stream: ['hashtag', 'acme'], event: 'delete', payload: id }));
  }

  dropStreaming(): void { for (const s of this.subscribers) s.socket.terminate(); this.subscribers.clear(); }

  private authorized(header: string | undefined): boolean { return this.token === null || header === `Bearer ${this.token}`; }

  private rest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://instance');
    this.requests.push({ path: url.pathname, query: url.searchParams, authorization: req.headers.authorization });
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(body));
    };
    if (this.down) return json(503, { error: 'Service Unavailable' });
    if (this.rateLimited && this.rateLimited.count > 0) {
      this.rateLimited.count--;
      return json(429, { error: 'Too many requests' }, { 'retry-after': this.rateLimited.retryAfter, 'x-ratelimit-remaining': '0' });
    }
    if (!this.authorized(req.headers.authorization)) return json(401, { error: 'The access token is invalid' });
    const tag = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(url.pathname);
    let list: Status[];
    if (tag) list = this.statuses.filter((s) => !s.reblog && s.tags.some((t) => t.name.toLowerCase() === decodeURIComponent(tag[1]!).toLowerCase()));
    else if (url.pathname === '/api/v1/timelines/public') list = this.statuses.filter((s) => url.searchParams.get('local') !== 'true' || s.local);
    else return json(404, { error: 'Record not found' });
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), 40);
    const minId = url.searchParams.get('min_id');
    const newer = (a: string, b: string) => BigInt(a) > BigInt(b);
    const page = minId ? list.filter((s) => newer(s.id, minId)).slice(0, limit) : list.slice(-limit);
    json(200, page.reverse());
  }

  private upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://instance');
    const refuse = (status: number, body: string, type = 'application/json'): void => void socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: ${type}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    if (this.down) return refuse(503, '{"error":"down"}');
    if (this.streamingDisabled || url.pathname !== '/api/v1/streaming') return refuse(404, '<!DOCTYPE html><html><body>Not found</body></html>', 'text/html');
    if (!this.authorized(req.headers.authorization)) return refuse(401, '{"error":"The access token is invalid"}');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const subscriber: Subscriber = { socket: ws, streams: new Set() };
      this.subscribers.add(subscriber);
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { type: string; stream: string; tag?: string };
        if (msg.type === 'subscribe') subscriber.streams.add(msg.stream === 'hashtag' ? `hashtag:${String(msg.tag).toLowerCase()}` : msg.stream);
      });
      ws.on('close', () => this.subscribers.delete(subscriber));
      ws.on('error', () => this.subscribers.delete(subscriber));
    });
  }

  async close(): Promise<void> {
    clearInterval(this.pinger);
    this.dropStreaming();
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
