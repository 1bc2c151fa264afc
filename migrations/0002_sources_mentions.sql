-- Sources, watchlists, mentions, ambassador signals and detection buckets.

CREATE TABLE sources (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                   text NOT NULL CHECK (kind IN ('rss', 'push', 'ambassador', 'replay')),
  name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  url                    text,
  poll_interval_seconds  integer CHECK (poll_interval_seconds IS NULL OR poll_interval_seconds > 0),
  ingest_token_hash      text UNIQUE,
  config                 jsonb NOT NULL DEFAULT '{}'::jsonb,
  enabled                boolean NOT NULL DEFAULT true,
  disabled_reason        text,
  etag                   text,
  last_modified          text,
  last_polled_at         timestamptz,
  last_success_at        timestamptz,
  last_error             text,
  consecutive_failures   integer NOT NULL DEFAULT 0,
  next_check_at          timestamptz,
  items_collected        bigint NOT NULL DEFAULT 0,
  created_by             uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  deleted_at             timestamptz,
  CHECK (kind <> 'rss' OR url IS NOT NULL)
);
-- The poller's claim query: due, enabled sources of a pollable kind.
CREATE INDEX sources_due_idx ON sources (next_check_at) WHERE enabled AND deleted_at IS NULL AND kind IN ('rss', 'replay');
CREATE UNIQUE INDEX sources_one_ambassador_idx ON sources (kind) WHERE kind = 'ambassador';

CREATE TABLE watchlists (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  query        text NOT NULL CHECK (length(query) BETWEEN 1 AND 4000),
  risk_terms   jsonb NOT NULL DEFAULT '[]'::jsonb,
  enabled      boolean NOT NULL DEFAULT true,
  created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  deleted_at   timestamptz
);
CREATE UNIQUE INDEX watchlists_name_idx ON watchlists (lower(name)) WHERE deleted_at IS NULL;

-- The big table. Inserted in multi-row batches; (source_id, external_id) makes re-delivery idempotent.
-- Partitioning by collected_at is the documented path for very large installations (see README).
CREATE TABLE mentions (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id      uuid NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  external_id    text NOT NULL,
  text           text NOT NULL,
  author         text,
  url            text,
  published_at   timestamptz NOT NULL,
  collected_at   timestamptz NOT NULL DEFAULT now(),
  lang           text NOT NULL DEFAULT 'other',
  sentiment      real NOT NULL DEFAULT 0,
  label          text NOT NULL DEFAULT 'neutral' CHECK (label IN ('negative', 'neutral', 'positive')),
  risk           real NOT NULL DEFAULT 0,
  risk_terms     text[] NOT NULL DEFAULT '{}',
  watchlist_ids  uuid[] NOT NULL DEFAULT '{}',
  UNIQUE (source_id, external_id)
);
CREATE INDEX mentions_published_idx ON mentions (published_at DESC, id DESC);
CREATE INDEX mentions_collected_idx ON mentions (collected_at);
CREATE INDEX mentions_watchlists_idx ON mentions USING gin (watchlist_ids);

-- Ambassador reports: a mention of the ambassador source plus what only a signal has.
CREATE TABLE signals (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mention_id    bigint REFERENCES mentions (id) ON DELETE SET NULL,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  text          text NOT NULL,
  url           text,
  channel       text,
  severity      text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  watchlist_id  uuid REFERENCES watchlists (id) ON DELETE SET NULL,
  watchlist_ids uuid[] NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signals_created_idx ON signals (created_at DESC);
CREATE INDEX signals_user_idx ON signals (user_id, created_at DESC);

-- Per-watchlist detection buckets, upserted by the ingest transaction; kept when raw mentions expire.
CREATE TABLE buckets (
  watchlist_id        uuid NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
  bucket_start        timestamptz NOT NULL,
  bucket_seconds      integer NOT NULL,
  count               integer NOT NULL DEFAULT 0,
  negative            integer NOT NULL DEFAULT 0,
  risk_sum            double precision NOT NULL DEFAULT 0,
  ambassador_reports  integer NOT NULL DEFAULT 0,
  critical_reports    integer NOT NULL DEFAULT 0,
  ambassadors         uuid[] NOT NULL DEFAULT '{}',
  terms               jsonb NOT NULL DEFAULT '{}'::jsonb,
  sample_ids          bigint[] NOT NULL DEFAULT '{}',
  updated_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (watchlist_id, bucket_start)
);
