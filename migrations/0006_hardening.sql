-- Hardening (issue 11).

-- Rate-limit counters shared by every instance: one row per (route, client key), a fixed window.
CREATE TABLE rate_limits (
  key       text PRIMARY KEY,
  count     integer NOT NULL,
  reset_at  timestamptz NOT NULL
);
CREATE INDEX rate_limits_reset_idx ON rate_limits (reset_at);

-- The mention list's filters, newest first: by source, and by sentiment label. (Watchlist filters use the
-- GIN index on watchlist_ids; time ranges use mentions_published_idx.)
CREATE INDEX IF NOT EXISTS mentions_source_published_idx ON mentions (source_id, published_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS mentions_label_published_idx ON mentions (label, published_at DESC, id DESC);
