// The preview of a poll connector: one page read as on a first poll, nothing stored, errors as a message.
import type { Config } from '../../config/index.js';
import type { CheckedKind, PreviewContext, PreviewItem, PreviewResult } from '../../sources/kinds/types.js';
import { oneLine } from '../feed/errors.js';
import type { PollConnector } from './connector.js';
import { createJsonClient, type JsonClient } from './http.js';

export const PREVIEW_ITEMS = 20;

export function jsonClientFor(config: Readonly<Config>, ctx: Pick<PreviewContext, 'policy' | 'clock'>, userAgent = config.collectors.user_agent): JsonClient {
  const c = config.collectors;
  return createJsonClient({ policy: ctx.policy, timeoutMs: c.timeout_ms, maxBytes: c.max_bytes, maxRedirects: c.max_redirects, userAgent, nowMs: () => ctx.clock.now().getTime() });
}

export async function previewConnector(connector: PollConnector, source: CheckedKind, ctx: PreviewContext): Promise<PreviewResult> {
  try {
    const result = await connector({
      source: { id: 'preview', url: source.url, config: source.config, cursor: null }, secrets: source.secrets, now: ctx.clock.now(),
      http: jsonClientFor(ctx.config, ctx), maxPages: 1, userAgent: ctx.config.collectors.user_agent,
    });
    const newestFirst = [...result.mentions].sort((a, b) => b.published_at.getTime() - a.published_at.getTime());
    const mentions: PreviewItem[] = newestFirst.slice(0, PREVIEW_ITEMS).map((m) => ({
      external_id: m.external_id, text: m.text, author: m.author, url: m.url, published_at: m.published_at.toISOString(), title: null,
      network: m.reach?.network ?? null, author_followers: m.reach?.followers ?? null, likes: m.reach?.likes ?? null,
      reposts: m.reach?.reposts ?? null, replies: m.reach?.replies ?? null,
    }));
    return { ok: true, total: result.mentions.length, mentions };
  } catch (err) {
    return { ok: false, error: oneLine(err instanceof Error ? err.message : String(err)), mentions: [] };
  }
}
