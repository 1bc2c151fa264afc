import type { SentimentLabel } from '../db/tables/mentions.js';
import type { SignalSeverity } from '../db/tables/signals.js';
import type { BucketDelta } from './repository.js';

/** A mention as a collector hands it over, before validation. */
export interface RawMention {
  external_id?: unknown; text?: unknown; author?: unknown; url?: unknown; published_at?: unknown; lang?: unknown;
}

export interface ValidMention {
  external_id: string; text: string; author: string | null; url: string | null; published_at: Date; lang: 'fr' | 'en' | null;
  /** Watchlists this mention is filed under whatever their query says (drills replayed into a watchlist). */
  watchlistIds?: string[];
  /** Set for ambassador signals: who reported it and how severe they think it is. */
  signal?: { userId: string; severity: SignalSeverity; watchlistId: string | null };
  /** What a social network reports about the post's audience (connectors only). */
  reach?: Reach;
}

/** The network a post comes from, its author's audience and the engagement the network reports. */
export interface Reach { network: string; followers?: number | null; likes?: number | null; reposts?: number | null; replies?: number | null }

export interface WatchlistScore { id: string; risk: number }

export interface ScoredMention {
  lang: string; sentiment: number; label: SentimentLabel; risk: number; riskTerms: string[];
  /** Content words and bigrams, for the buckets' top terms (emerging-term detection). */
  terms: string[];
  watchlists: WatchlistScore[];
}

/** Scores one mention against the current watchlists (compiled once per watchlist version). */
export interface MentionScorer {
  score(text: string, lang: 'fr' | 'en' | null, forcedWatchlistIds?: readonly string[]): ScoredMention;
}

export interface Rejection { index: number; error: string }

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
  /** Stored mention ids in input order of the accepted items. */
  mentionIds: number[];
  /** (watchlist, bucket) pairs this batch changed: detection looks at them after commit. */
  touchedBuckets: { watchlistId: string; bucketStart: Date }[];
}

/** One mention to score, with what bucket aggregation needs. */
export interface ScoreItem { text: string; lang: 'fr' | 'en' | null; forced?: string[]; publishedAt: number; signal?: ValidMention['signal']; reach?: Reach }
/** Scores of a batch, in order, and its bucket increments (sample ids are positions in the batch). */
export interface ScoredBatch { scored: ScoredMention[]; deltas: BucketDelta[] }
/** Scores and aggregates a batch, possibly on a scoring thread. */
export type ScoreBatch = (items: ScoreItem[], bucketSeconds: number) => Promise<ScoredBatch>;
