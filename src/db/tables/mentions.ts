import type { Generated, Selectable } from 'kysely';

import type { SentimentLabel } from '../../contract/enums.js';

export type { SentimentLabel } from '../../contract/enums.js';

export interface MentionsTable {
  id: Generated<number>;
  source_id: string;
  external_id: string;
  text: string;
  author: string | null;
  url: string | null;
  published_at: Date;
  collected_at: Generated<Date>;
  lang: string;
  sentiment: number;
  label: SentimentLabel;
  risk: number;
  risk_terms: string[];
  watchlist_ids: string[];
  /** The network a connector read it from (bluesky, mastodon, reddit, hackernews…); null for feeds and pushes. */
  network: string | null;
  author_followers: number | null;
  likes: number | null;
  reposts: number | null;
  replies: number | null;
  /** Set when the post was deleted at the source: its text is hidden. */
  deleted_at: Date | null;
}
export type MentionRow = Selectable<MentionsTable>;

/** Which (source, external id) pairs were stored, for re-delivery checks (mentions is partitioned; 0011). */
export interface MentionKeysTable {
  source_id: string;
  external_id: string;
  collected_at: Generated<Date>;
}
