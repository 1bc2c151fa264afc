// The `mastodon` source kind for the sources API: url = the instance, config.hashtags and/or config.timeline
// ("public" | "local"), optional config.streaming_url, optional config.access_token (sealed, never returned).
// Preview: the latest statuses of each timeline over REST, nothing stored.
import { badRequest } from '../../shared/errors.js';
import { onlyKeys, optionalStringList, secretField, withoutKeys } from '../../sources/kinds/fields.js';
import type { PreviewItem, PreviewResult, SourceKindSpec } from '../../sources/kinds/types.js';
import type { SourceSecrets } from '../../sources/secrets.js';
import { ConnectorError } from '../stream/errors.js';
import { requestJson } from '../stream/http-json.js';
import { timelinesOf } from './config.js';
import { readStatus } from './status.js';

const KEYS = ['hashtags', 'timeline', 'streaming_url', 'access_token'] as const;
const HASHTAG = /^#?[\p{L}\p{N}_]{1,100}$/u;
const PREVIEW_ITEMS = 20;

export const mastodonKind: SourceKindSpec = {
  polled: false,
  url: 'required',
  async validate(input, ctx) {
    const cfg = input.config;
    onlyKeys(cfg, KEYS);
    if (!input.url) throw badRequest('url', 'is required: the Mastodon instance, e.g. https://mastodon.social');
    const url = (await ctx.checkUrl(input.url, 'url')).replace(/\/+$/, '');
    const tags = (optionalStringList(cfg, 'hashtags', HASHTAG, 20) ?? []).map((t) => t.replace(/^#/, ''));
    const hashtags = tags.filter((t, i) => tags.findIndex((o) => o.toLowerCase() === t.toLowerCase()) === i);
    const timeline = cfg.timeline ?? null;
    if (timeline !== null && timeline !== 'public' && timeline !== 'local') throw badRequest('config.timeline', 'must be "public" or "local"');
    if (hashtags.length === 0 && timeline === null) throw badRequest('config.hashtags', 'give at least one hashtag, or config.timeline');
    const config: Record<string, unknown> = { ...withoutKeys(cfg, KEYS), hashtags, ...(timeline ? { timeline } : {}) };
    if (cfg.streaming_url !== undefined && cfg.streaming_url !== null && cfg.streaming_url !== '') {
      if (typeof cfg.streaming_url !== 'string') throw badRequest('config.streaming_url', 'must be a ws(s):// URL');
      config.streaming_url = await ctx.checkUrl(cfg.streaming_url, 'config.streaming_url', ['ws:', 'wss:']);
    }
    const secrets: SourceSecrets = {};
    secretField(cfg, 'access_token', input.previousSecrets, secrets, 500);
    return { url, config, secrets };
  },
  async preview(source, ctx): Promise<PreviewResult> {
    const c = ctx.config.collectors;
    const headers = source.secrets.access_token ? { authorization: `Bearer ${source.secrets.access_token}` } : undefined;
    const mentions: PreviewItem[] = [];
    let total = 0;
    try {
      for (const t of timelinesOf(source.config)) {
        const url = new URL(`${source.url}${t.restPath}`);
        for (const [k, v] of Object.entries(t.restQuery)) url.searchParams.set(k, v);
        url.searchParams.set('limit', String(PREVIEW_ITEMS));
        const { json } = await requestJson(url.toString(), { policy: ctx.policy, headers, timeoutMs: c.timeout_ms, maxBytes: c.max_bytes, userAgent: c.user_agent, what: `Mastodon ${url.host}` });
        if (!Array.isArray(json)) throw new ConnectorError('bad_response', `Mastodon ${url.host} answered something other than a list of statuses`);
        for (const status of json) {
          const read = readStatus(status, { filtered: false, matches: () => true, now: ctx.clock.now() });
          const m = typeof read === 'string' ? undefined : read.items.find((i) => i.mention)?.mention;
          if (!m) continue;
          total++;
          if (mentions.length < PREVIEW_ITEMS) mentions.push({ external_id: m.external_id, text: m.text, author: m.author, url: m.url, published_at: m.published_at.toISOString(), title: null, network: 'mastodon', author_followers: m.reach?.followers ?? null, likes: m.reach?.likes ?? null, reposts: m.reach?.reposts ?? null, replies: m.reach?.replies ?? null });
        }
      }
      return { ok: true, title: `${new URL(source.url!).host}: ${timelinesOf(source.config).map((t) => t.key).join(', ')}`, format: 'mastodon', total, mentions };
    } catch (err) {
      return { ok: false, error: (err as Error).message, mentions: [] };
    }
  },
};
