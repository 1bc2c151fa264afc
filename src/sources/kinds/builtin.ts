// The kinds that predate the connectors: rss feeds, push sources (their own ingest token) and drills.
import { previewFeed } from '../../collectors/preview.js';
import { parseScenario } from '../../drills/scenario.js';
import { badRequest } from '../../shared/errors.js';
import type { SourceKindSpec } from './types.js';

export const rssKind: SourceKindSpec = {
  polled: true,
  url: 'required',
  async validate(input, ctx) {
    if (!input.url) throw badRequest('url', 'is required for an rss source');
    return { url: await ctx.checkUrl(input.url, 'url'), config: input.config, secrets: {} };
  },
  preview: (source, ctx) => previewFeed(source.url!, ctx),
};

export const pushKind: SourceKindSpec = {
  polled: false,
  url: 'none',
  validate: async (input) => ({ url: null, config: input.config, secrets: {} }),
};

/** A replay source carries its scenario and the watchlist it plays into. */
export const replayKind: SourceKindSpec = {
  polled: true,
  url: 'none',
  async validate(input, ctx) {
    const cfg = input.config;
    if (Object.keys(cfg).length === 0) throw badRequest('config', 'is required for a replay source: {scenario, watchlist_id, speed?}');
    parseScenario(cfg.scenario, 'config.scenario.');
    if (typeof cfg.watchlist_id !== 'string') throw badRequest('config.watchlist_id', 'is required');
    if (!(await ctx.watchlistExists(cfg.watchlist_id))) throw badRequest('config.watchlist_id', 'no such watchlist');
    if (cfg.speed !== undefined && !(typeof cfg.speed === 'number' && cfg.speed > 0 && cfg.speed <= 1000)) throw badRequest('config.speed', 'must be a number in (0, 1000]');
    return { url: null, config: cfg, secrets: {} };
  },
};
