// Matches posts against the watchlists before anything is stored: a firehose carries millions of posts a
// day and only the few that some watchlist asks for become mentions. The check is synchronous (one frame at
// a time, no await per post) on a snapshot of the compiled queries refreshed in the background.
import { analyze } from '../../scoring/index.js';
import type { CompiledWatchlist } from '../../watchlists/matcher.js';

export interface WatchlistFilter {
  /** True when at least one enabled watchlist's query matches the text (scored the way ingest will score it). */
  matches(text: string, lang: 'fr' | 'en' | null): boolean;
  /** Loads the current watchlists now (before the first frame) and keeps them fresh until stop(). */
  start(): Promise<void>;
  stop(): void;
}

export function createWatchlistFilter(load: () => Promise<CompiledWatchlist[]>, refreshMs = 2000, onError: (err: unknown) => void = () => {}): WatchlistFilter {
  let current: CompiledWatchlist[] = [];
  let timer: NodeJS.Timeout | null = null;
  const refresh = async () => {
    try {
      current = await load();
    } catch (err) {
      onError(err); // keep the previous snapshot
    }
  };
  return {
    matches(text, lang) {
      if (current.length === 0 || text.length === 0) return false;
      const doc = analyze(text, lang ?? 'auto');
      for (const wl of current) if (wl.query.matches(doc)) return true;
      return false;
    },
    async start() {
      await refresh();
      timer ??= setInterval(() => void refresh(), refreshMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
