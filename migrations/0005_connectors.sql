-- Social connectors: new source kinds, a persisted resume cursor, encrypted secrets, a lease so that one
-- instance holds a stream source at a time, and connector health. Mentions gain the network they come
-- from, the reach and engagement it reports, and a deletion mark (a post deleted at the source).

ALTER TABLE sources DROP CONSTRAINT sources_kind_check;
ALTER TABLE sources ADD CONSTRAINT sources_kind_check
  CHECK (kind IN ('rss', 'push', 'ambassador', 'replay', 'bluesky', 'mastodon', 'reddit', 'hackernews', 'json'));

-- Where to resume: Jetstream time_us, a Mastodon status id, a created_at_i… (connector-specific text).
ALTER TABLE sources ADD COLUMN cursor text;
-- Secret configuration (tokens, passwords, header values) as AES-256-GCM ciphertext; never returned.
ALTER TABLE sources ADD COLUMN secrets text;
-- Stream sources: the instance holding the connection and until when (renewed while connected).
ALTER TABLE sources ADD COLUMN lease_owner text;
ALTER TABLE sources ADD COLUMN lease_expires_at timestamptz;
-- Health, written by the connector every few seconds.
ALTER TABLE sources ADD COLUMN state text NOT NULL DEFAULT 'idle'
  CHECK (state IN ('idle', 'connected', 'catching_up', 'backing_off', 'disabled'));
ALTER TABLE sources ADD COLUMN last_event_at timestamptz;
ALTER TABLE sources ADD COLUMN lag_seconds real;
ALTER TABLE sources ADD COLUMN events_per_second real;
ALTER TABLE sources ADD COLUMN error_count bigint NOT NULL DEFAULT 0;

DROP INDEX sources_due_idx;
CREATE INDEX sources_due_idx ON sources (next_check_at)
  WHERE enabled AND deleted_at IS NULL AND kind IN ('rss', 'replay', 'reddit', 'hackernews', 'json');
CREATE INDEX sources_stream_lease_idx ON sources (lease_expires_at)
  WHERE enabled AND deleted_at IS NULL AND kind IN ('bluesky', 'mastodon');

ALTER TABLE mentions ADD COLUMN network text;
ALTER TABLE mentions ADD COLUMN author_followers integer;
ALTER TABLE mentions ADD COLUMN likes integer;
ALTER TABLE mentions ADD COLUMN reposts integer;
ALTER TABLE mentions ADD COLUMN replies integer;
ALTER TABLE mentions ADD COLUMN deleted_at timestamptz;
