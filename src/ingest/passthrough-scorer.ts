// The scorer interface's neutral implementation: no language, neutral sentiment, no risk, and only the
// watchlists a mention was explicitly filed under. Used by tests that exercise ingest on its own.
import type { MentionScorer } from './types.js';

export const passthroughScorer: MentionScorer = {
  score(_text, lang, forced) {
    return { lang: lang ?? 'other', sentiment: 0, label: 'neutral', risk: 0, riskTerms: [], terms: [], watchlists: (forced ?? []).map((id) => ({ id, risk: 0 })) };
  },
};
