// The `hackernews` source kind: config.query (Algolia syntax), optional config.tags (both | story | comment);
// url optional, the Algolia API base (default https://hn.algolia.com/api/v1).
import { badRequest } from '../../shared/errors.js';
import { onlyKeys, requiredString } from '../../sources/kinds/fields.js';
import type { SourceKindSpec } from '../../sources/kinds/types.js';
import { previewConnector } from '../poll/preview.js';
import { HN_DEFAULT_URL, HN_TAGS, hackerNewsConnector } from './connector.js';

export const hackerNewsKind: SourceKindSpec = {
  polled: true,
  url: 'optional',
  async validate(input, ctx) {
    const cfg = input.config;
    onlyKeys(cfg, ['query', 'tags']);
    const query = requiredString(cfg, 'query', 500);
    const tags = cfg.tags ?? 'both';
    if (typeof tags !== 'string' || !Object.hasOwn(HN_TAGS, tags)) throw badRequest('config.tags', `must be one of ${Object.keys(HN_TAGS).join(', ')}`);
    return { url: await ctx.checkUrl(input.url ?? HN_DEFAULT_URL, 'url'), config: { query, tags }, secrets: {} };
  },
  preview: (source, ctx) => previewConnector(hackerNewsConnector, source, ctx),
};
