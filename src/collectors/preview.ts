// "What would this feed collect?" — the same fetch and parse code as the poller, nothing stored.
import type { Config } from '../config/index.js';
import type { SourcesService } from '../sources/service.js';
import { fetchFeed, parseFeed } from './feed/index.js';
import { oneLine } from './poller.js';

export const PREVIEW_ITEMS = 20;

export async function previewFeed(url: string, config: Readonly<Config>, sources: SourcesService) {
  const checked = await sources.checkFeedUrl(url);
  const c = config.collectors;
  try {
    const fetched = await fetchFeed(checked, { timeoutMs: c.timeout_ms, maxBytes: c.max_bytes, maxRedirects: c.max_redirects, userAgent: c.user_agent, policy: sources.policy });
    if (fetched.status !== 'ok') return { ok: false, error: 'the server answered 304 Not Modified to an unconditional request', mentions: [] };
    const feed = await parseFeed(fetched.body, { baseUrl: fetched.finalUrl, fetchedAt: new Date() });
    return {
      ok: true, title: feed.title, format: feed.format, total: feed.mentions.length,
      mentions: feed.mentions.slice(0, PREVIEW_ITEMS).map((m) => ({ external_id: m.external_id, text: m.text, author: m.author, url: m.url, published_at: m.published_at, title: m.title })),
    };
  } catch (err) {
    return { ok: false, error: oneLine(err), mentions: [] };
  }
}
