// The `reddit` source kind: config.query (Reddit search syntax), optional config.subreddits, optional OAuth
// client credentials (client_id in config, client_secret sealed), optional user_agent and api_url; url is the
// public site / token host (default https://www.reddit.com).
import { badRequest } from '../../shared/errors.js';
import { onlyKeys, optionalString, optionalStringList, requiredString, secretField } from '../../sources/kinds/fields.js';
import type { SourceKindSpec } from '../../sources/kinds/types.js';
import type { SourceSecrets } from '../../sources/secrets.js';
import { previewConnector } from '../poll/preview.js';
import { REDDIT_WEB } from './listing.js';
import { REDDIT_API, redditConnector } from './connector.js';

const SUBREDDIT = /^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/;

export const redditKind: SourceKindSpec = {
  polled: true,
  url: 'optional',
  async validate(input, ctx) {
    const cfg = input.config;
    onlyKeys(cfg, ['query', 'subreddits', 'client_id', 'client_secret', 'user_agent', 'api_url', 'comments']);
    const config: Record<string, unknown> = { query: requiredString(cfg, 'query', 512) };
    const subreddits = optionalStringList(cfg, 'subreddits', SUBREDDIT);
    if (subreddits?.length) config.subreddits = subreddits;
    const clientId = optionalString(cfg, 'client_id', 100);
    if (clientId) config.client_id = clientId;
    const userAgent = optionalString(cfg, 'user_agent', 300);
    if (userAgent) config.user_agent = userAgent;
    if (cfg.comments !== undefined) {
      if (typeof cfg.comments !== 'boolean') throw badRequest('config.comments', 'must be true or false');
      config.comments = cfg.comments;
    }
    const secrets: SourceSecrets = {};
    secretField(cfg, 'client_secret', input.previousSecrets, secrets, 200);
    if (secrets.client_secret && !clientId) throw badRequest('config.client_id', 'is required with client_secret');
    if (clientId && !secrets.client_secret) throw badRequest('config.client_secret', 'is required with client_id');
    const apiUrl = optionalString(cfg, 'api_url', 2000);
    if (apiUrl || clientId) config.api_url = await ctx.checkUrl(apiUrl ?? REDDIT_API, 'config.api_url');
    return { url: await ctx.checkUrl(input.url ?? REDDIT_WEB, 'url'), config, secrets };
  },
  preview: (source, ctx) => previewConnector(redditConnector, source, ctx),
};
