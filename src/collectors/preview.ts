// "What would this feed collect?" — the same fetch and parse code as the poller, nothing stored.
import type { AddressPolicy } from './net/address-guard.js';
import type { Config } from '../config/index.js';
import type { Clock } from '../shared/clock.js';
import { fetchFeed, parseFeed } from './feed/index.js';
import { oneLine } from './poller.js';

export const PREVIEW_ITEMS = 20;

export async function previewFeed(url: string, ctx: { config: Readonly<Config>; policy: AddressPolicy; clock: Clock }) {
  const c = ctx.config.collectors;
  try {
    const fetched = await fetchFeed(url, { timeoutMs: c.timeout_ms, maxBytes: c.max_bytes, maxRedirects: c.max_redirects, userAgent: c.user_agent, policy: ctx.policy });
    if (fetched.status !== 'ok') return { ok: false, error: 'the server answered 304 Not Modified to an unconditional request', mentions: [] };
    const feed = await parseFeed(fetched.body, { baseUrl: fetched.finalUrl, fetchedAt: ctx.clock.now() });
    return {
      ok: true, title: feed.title, format: feed.format, total: feed.mentions.length,
      mentions: feed.mentions.slice(0, PREVIEW_ITEMS).map((m) => ({ external_id: m.external_id, text: m.text, author: m.author, url: m.url, published_at: m.published_at, title: m.title })),
    };
  } catch (err) {
    return { ok: false, error: oneLine(err), mentions: [] };
  }
}
