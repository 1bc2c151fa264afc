// The Mastodon stream connector. Each connection: subscribe to the streaming API (one websocket, one
// `subscribe` message per timeline), then catch up over REST from the saved ids (min_id paging) while live
// events wait in a queue, then go live. When the streaming API is not available (refused without a token,
// not found, an HTML page) the source is polled over REST instead, and streaming is tried again later.
import type WebSocket from 'ws';
import { ConnectorError } from '../stream/errors.js';
import { requestJson } from '../stream/http-json.js';
import { readSocket } from '../stream/socket-loop.js';
import type { StreamConnector, StreamContext } from '../stream/types.js';
import { openSocket } from '../stream/websocket.js';
import { timelineKeyOf, timelinesOf, type Timeline } from './config.js';
import { newerId, readStatus } from './status.js';

const PAGE = 40;
const MAX_CATCH_UP_PAGES = 50;
const MAX_QUEUED_FRAMES = 20_000;
/** How long a source polls before trying the streaming API again. */
const FALLBACK_MS = 10 * 60_000;

type Cursor = Record<string, string>;

function readCursor(text: string | null): Cursor {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

export function createMastodonConnector(): StreamConnector {
  return {
    kind: 'mastodon',
    async run(ctx) {
      const session = new MastodonConnection(ctx);
      await session.run();
    },
  };
}

class MastodonConnection {
  private readonly cursor: Cursor;
  private readonly timelines: Timeline[];
  private readonly base: string;
  private readonly token: string | undefined;

  constructor(private readonly ctx: StreamContext) {
    this.cursor = readCursor(ctx.cursor);
    this.timelines = timelinesOf(ctx.source.config ?? {});
    this.base = (ctx.source.url ?? '').replace(/\/+$/, '');
    this.token = ctx.secrets.access_token;
    if (!this.base || this.timelines.length === 0) throw new ConnectorError('config', 'a Mastodon source needs the instance URL and at least one hashtag or timeline');
  }

  private get auth(): Record<string, string> { return this.token ? { authorization: `Bearer ${this.token}` } : {}; }

  async run(): Promise<void> {
    const socket = await this.openStreaming();
    if (!socket) return this.poll();
    const queue: string[] = [];
    let live = false;
    const reading = readSocket(socket, this.ctx, `Mastodon streaming ${new URL(this.base).host}`, (text) => {
      if (live) return this.onFrame(text);
      if (queue.push(text) > MAX_QUEUED_FRAMES) throw new ConnectorError('network', 'too many live events while catching up');
    });
    for (const t of this.timelines) socket.send(JSON.stringify({ type: 'subscribe', ...t.subscribe }));
    this.ctx.connected(true);
    const caughtUp = this.catchUpAll().then(() => {
      for (const frame of queue.splice(0)) this.onFrame(frame);
      live = true;
      this.ctx.connected();
    });
    await Promise.all([reading, caughtUp.catch((err: unknown) => { socket.terminate(); throw err; })]);
  }

  /** The websocket, or null when this instance's streaming API is not usable and polling must do. */
  private async openStreaming(): Promise<WebSocket | null> {
    const configured = typeof this.ctx.source.config?.streaming_url === 'string' ? this.ctx.source.config.streaming_url : null;
    const url = new URL(configured ?? `${this.base.replace(/^http/, 'ws')}/api/v1/streaming`);
    try {
      return await openSocket(url, {
        policy: this.ctx.policy, headers: { 'user-agent': this.ctx.options.userAgent, ...this.auth }, maxPayloadBytes: this.ctx.options.maxFrameBytes * 4,
        handshakeTimeoutMs: this.ctx.options.httpTimeoutMs, signal: this.ctx.signal, what: `Mastodon streaming ${url.host}`,
      });
    } catch (err) {
      if (!(err instanceof ConnectorError)) throw err;
      const tokenRefused = err.kind === 'auth' && this.token !== undefined;
      if (tokenRefused || err.kind === 'config' || this.ctx.signal.aborted) throw err;
      this.ctx.skipped('streaming_unavailable', `${err.message}; polling the REST API instead`);
      return null;
    }
  }

  /** Polling fallback: the REST timelines every mastodonPollSeconds, for a while, then streaming again. */
  private async poll(): Promise<void> {
    const until = this.ctx.clock.now().getTime() + FALLBACK_MS;
    this.ctx.connected(true);
    for (;;) {
      await this.catchUpAll();
      this.ctx.connected();
      await this.ctx.flush();
      if (this.ctx.clock.now().getTime() >= until) return;
      await this.ctx.sleep(this.ctx.options.mastodonPollSeconds * 1000);
    }
  }

  private async catchUpAll(): Promise<void> {
    for (const t of this.timelines) await this.catchUp(t);
  }

  /** Pages forward from the saved id (min_id) until caught up; without one, takes the latest page. */
  private async catchUp(t: Timeline): Promise<void> {
    for (let page = 0; page < MAX_CATCH_UP_PAGES; page++) {
      const since = this.cursor[t.key];
      const url = new URL(`${this.base}${t.restPath}`);
      for (const [k, v] of Object.entries(t.restQuery)) url.searchParams.set(k, v);
      url.searchParams.set('limit', String(PAGE));
      if (since) url.searchParams.set('min_id', since);
      const { json } = await requestJson(url.toString(), {
        policy: this.ctx.policy, headers: this.auth, timeoutMs: this.ctx.options.httpTimeoutMs, maxBytes: 8 * 1024 * 1024,
        userAgent: this.ctx.options.userAgent, what: `Mastodon ${url.host}`,
      });
      this.ctx.alive();
      if (!Array.isArray(json)) throw new ConnectorError('bad_response', `Mastodon ${url.host} answered something other than a list of statuses`);
      const statuses = json.filter((s): s is { id: string } => typeof (s as { id?: unknown })?.id === 'string')
        .sort((a, b) => (a.id === b.id ? 0 : newerId(a.id, b.id) ? -1 : 1));
      for (const status of statuses) this.onStatus(t, status);
      await this.ctx.flush();
      if (!since || json.length < PAGE) return;
    }
  }

  private onStatus(t: Timeline, value: unknown): void {
    const read = readStatus(value, { filtered: t.filtered, matches: this.ctx.matches, now: this.ctx.clock.now() });
    if (typeof read === 'string') return this.ctx.skipped('malformed', read);
    if (newerId(this.cursor[t.key], read.id)) this.cursor[t.key] = read.id;
    const mention = read.items.find((i) => i.mention)?.mention;
    this.ctx.event(JSON.stringify(this.cursor), mention?.published_at ?? null, read.items);
  }

  private onFrame(text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return this.ctx.skipped('invalid_json', text.slice(0, 80));
    }
    if (typeof message !== 'object' || message === null) return this.ctx.skipped('malformed', 'not an object');
    const { stream, event, payload } = message as { stream?: unknown; event?: unknown; payload?: unknown };
    if (event === 'delete' && typeof payload === 'string') return this.ctx.event(JSON.stringify(this.cursor), null, [{ deletion: payload }]);
    if (event !== 'update') return; // status.update, notifications, filters_changed, errors of a subscribe…
    const key = timelineKeyOf(stream) ?? (this.timelines.length === 1 ? this.timelines[0]!.key : null);
    const timeline = this.timelines.find((t) => t.key === key);
    if (!timeline) return this.ctx.skipped('malformed', 'update for a stream we did not subscribe to');
    if (typeof payload !== 'string') return this.ctx.skipped('malformed', 'update without payload');
    let status: unknown;
    try {
      status = JSON.parse(payload);
    } catch {
      return this.ctx.skipped('invalid_json', payload.slice(0, 80));
    }
    this.onStatus(timeline, status);
  }
}
