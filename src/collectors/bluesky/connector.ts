// The Bluesky stream connector: a Jetstream subscription to posts, resumed from the saved time_us cursor,
// matched against the watchlists before storing. Deletions of stored posts mark them deleted.
import type { StreamConnector } from '../stream/types.js';
import { openSocket } from '../stream/websocket.js';
import { readSocket } from '../stream/socket-loop.js';
import { HandleCache, readFrame, subscribeUrl } from './jetstream.js';

export function createBlueskyConnector(): StreamConnector {
  // Handles outlive connections: identity events are rare and a reconnect should not forget them.
  const handles = new HandleCache();
  return {
    kind: 'bluesky',
    async run(ctx) {
      const url = subscribeUrl(ctx.source.url ?? ctx.options.blueskyUrl, ctx.cursor);
      const socket = await openSocket(url, {
        policy: ctx.policy, maxPayloadBytes: ctx.options.maxFrameBytes * 4, handshakeTimeoutMs: ctx.options.httpTimeoutMs,
        signal: ctx.signal, what: `Jetstream ${url.host}`, headers: { 'user-agent': ctx.options.userAgent },
      });
      ctx.connected();
      const reader = { maxFrameBytes: ctx.options.maxFrameBytes, handles, matches: ctx.matches, now: () => ctx.clock.now() };
      await readSocket(socket, ctx, `Jetstream ${url.host}`, (text) => {
        const outcome = readFrame(text, reader);
        if (outcome.kind === 'skip') ctx.skipped(outcome.reason, outcome.detail);
        else ctx.event(outcome.cursor, outcome.at, outcome.items);
      });
    },
  };
}
