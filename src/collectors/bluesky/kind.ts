// The `bluesky` source kind for the sources API: url = a Jetstream ws(s)://…/subscribe endpoint (empty = the
// configured public instance), optional backfill through app.bsky.feed.searchPosts with config.identifier and
// config.app_password (sealed, never returned). Preview: a few seconds of the live firehose, nothing stored.
import type WebSocket from 'ws';
import { badRequest } from '../../shared/errors.js';
import { onlyKeys, optionalString, secretField, withoutKeys } from '../../sources/kinds/fields.js';
import type { PreviewItem, PreviewResult, SourceKindSpec } from '../../sources/kinds/types.js';
import type { SourceSecrets } from '../../sources/secrets.js';
import { openSocket, takeEarlyFrames } from '../stream/websocket.js';
import { HandleCache, readFrame, subscribeUrl } from './jetstream.js';

const KEYS = ['backfill', 'identifier', 'app_password', 'service'] as const;
const PREVIEW_ITEMS = 10;
const PREVIEW_MS = 4000;

export const blueskyKind: SourceKindSpec = {
  polled: false,
  url: 'optional',
  async validate(input, ctx) {
    const cfg = input.config;
    onlyKeys(cfg, KEYS);
    const url = input.url ? await ctx.checkUrl(input.url, 'url', ['ws:', 'wss:']) : null;
    if (url && !/\/subscribe\/?$/.test(new URL(url).pathname)) throw badRequest('url', 'must be a Jetstream …/subscribe endpoint');
    if (cfg.backfill !== undefined && typeof cfg.backfill !== 'boolean') throw badRequest('config.backfill', 'must be true or false');
    const identifier = optionalString(cfg, 'identifier', 300);
    const service = optionalString(cfg, 'service', 300);
    const secrets: SourceSecrets = {};
    secretField(cfg, 'app_password', input.previousSecrets, secrets, 200);
    if (cfg.backfill === true && (!identifier || !secrets.app_password)) throw badRequest('config.app_password', 'backfill needs config.identifier (a handle) and config.app_password');
    const config: Record<string, unknown> = {
      ...withoutKeys(cfg, KEYS), ...(cfg.backfill !== undefined ? { backfill: cfg.backfill } : {}), ...(identifier ? { identifier } : {}),
      ...(service ? { service: await ctx.checkUrl(service, 'config.service') } : {}),
    };
    return { url, config, secrets };
  },
  async preview(source, ctx): Promise<PreviewResult> {
    const url = subscribeUrl(source.url ?? ctx.config.stream_connectors.bluesky_url, null);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), PREVIEW_MS);
    const mentions: PreviewItem[] = [];
    let total = 0;
    try {
      const socket = await openSocket(url, { policy: ctx.policy, maxPayloadBytes: ctx.config.stream_connectors.max_frame_bytes * 4, handshakeTimeoutMs: PREVIEW_MS, signal: controller.signal, what: `Jetstream ${url.host}` });
      const reader = { maxFrameBytes: ctx.config.stream_connectors.max_frame_bytes, handles: new HandleCache(100), matches: () => true, now: () => ctx.clock.now() };
      await new Promise<void>((resolve) => {
        const done = () => { socket.terminate(); resolve(); };
        const onMessage = (data: WebSocket.RawData, isBinary: boolean) => {
          if (isBinary) return;
          const outcome = readFrame(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8'), reader);
          const m = outcome.kind === 'event' ? outcome.items?.find((i) => i.mention)?.mention : undefined;
          if (!m) return;
          total++;
          if (mentions.length >= PREVIEW_ITEMS) return;
          mentions.push({ external_id: m.external_id, text: m.text, author: m.author, url: m.url, published_at: m.published_at.toISOString(), title: null, network: 'bluesky' });
          if (mentions.length >= PREVIEW_ITEMS) done();
        };
        for (const [data, isBinary] of takeEarlyFrames(socket)) onMessage(data, isBinary);
        socket.on('message', onMessage);
        socket.on('close', done);
        socket.on('error', done);
        controller.signal.addEventListener('abort', done, { once: true });
      });
      return { ok: true, title: `Bluesky firehose (${url.host}): a live sample; only posts matching a watchlist are stored`, format: 'jetstream', total, mentions };
    } catch (err) {
      return { ok: false, error: (err as Error).message, mentions: [] };
    } finally {
      clearTimeout(timer);
    }
  },
};
