import type { Generated, Selectable } from 'kysely';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

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
}
export type MentionRow = Selectable<MentionsTable>;
