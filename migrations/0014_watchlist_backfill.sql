-- A new watchlist is backfilled from the mentions already stored (the retention period), off the request
-- path: the backfill job claims one row at a time (SKIP LOCKED) and advances its cursor batch by batch.
CREATE TABLE watchlist_backfills (
  watchlist_id  uuid PRIMARY KEY REFERENCES watchlists (id) ON DELETE CASCADE,
  -- Mentions published before this are out of retention: not looked at.
  since         timestamptz NOT NULL,
  -- Highest mention id to look at, fixed at the first claim (later mentions are scored by ingest).
  until_id      bigint,
  -- Last mention id looked at.
  cursor_id     bigint NOT NULL DEFAULT 0,
  scanned       integer NOT NULL DEFAULT 0,
  matched       integer NOT NULL DEFAULT 0,
  -- Not before the watchlist caches of every instance include the new watchlist (see src/watchlists/backfill.ts).
  not_before    timestamptz NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
CREATE INDEX watchlist_backfills_pending_idx ON watchlist_backfills (not_before) WHERE finished_at IS NULL;
