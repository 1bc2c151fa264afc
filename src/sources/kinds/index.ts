// The registry of source kinds an administrator can create. One entry per kind; connectors add theirs here.
import type { SourceKind } from '../../contract/enums.js';
import { blueskyKind } from '../../collectors/bluesky/kind.js';
import { mastodonKind } from '../../collectors/mastodon/kind.js';
import { hackerNewsKind } from '../../collectors/hackernews/kind.js';
import { jsonKind } from '../../collectors/json/kind.js';
import { redditKind } from '../../collectors/reddit/kind.js';
import { pushKind, replayKind, rssKind } from './builtin.js';
import type { SourceKindSpec } from './types.js';

export type { CheckedKind, KindContext, KindInput, PreviewContext, PreviewItem, PreviewResult, SourceKindSpec } from './types.js';

export const sourceKinds: Partial<Record<SourceKind, SourceKindSpec>> = {
  rss: rssKind,
  push: pushKind,
  replay: replayKind,
  reddit: redditKind,
  hackernews: hackerNewsKind,
  json: jsonKind,
  bluesky: blueskyKind,
  mastodon: mastodonKind,
};

export function kindSpec(kind: string): SourceKindSpec | undefined {
  return Object.hasOwn(sourceKinds, kind) ? sourceKinds[kind as SourceKind] : undefined;
}

/** Kinds that can be created now (stream kinds appear once their connector is registered). */
export const registeredKinds = (): SourceKind[] => Object.keys(sourceKinds) as SourceKind[];
