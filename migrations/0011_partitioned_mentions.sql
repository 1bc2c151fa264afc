-- Mentions partitioned by collected_at, one partition per UTC week (Monday 00:00 to the next Monday),
-- so retention drops whole weeks instead of deleting rows. The same script runs on PostgreSQL and PGlite.
--
-- * A unique index of a partitioned table must contain the partition key, so (source_id, external_id)
--   can no longer be unique on mentions itself. Idempotent re-delivery is detected by mention_keys, a plain
--   table keyed by (source_id, external_id): the ingest statement inserts the keys first (ON CONFLICT DO
--   NOTHING) and stores only the mentions whose key was new, in the same statement. Retention deletes keys
--   with the same cutoff as mentions, so a re-delivery is recognised for as long as its mention is kept.
-- * The primary key becomes (id, collected_at, source_id); ids still come from one sequence, so they stay unique.
-- * Foreign keys that point at mentions (signals.mention_id, and any later migration's) are dropped: a
--   foreign key to a partitioned table must reference its whole primary key. Those columns stay as plain
--   references; readers already treat a missing mention as gone (retention removes mentions anyway).
-- * Partitions are created ahead by the `mention-partitions` job (at start and daily); rows outside every
--   weekly partition land in mentions_default, which retention empties with batched deletes.
--
-- Self-contained on purpose: the new table copies whatever columns, defaults and CHECKs mentions has at
-- this point (earlier migrations may have added some), and re-creates its non-unique indexes.

-- 1. Dedupe keys, filled from the existing mentions.
CREATE TABLE mention_keys (
  source_id     uuid NOT NULL,
  external_id   text NOT NULL,
  collected_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source_id, external_id)
);
CREATE INDEX mention_keys_collected_idx ON mention_keys (collected_at);
INSERT INTO mention_keys (source_id, external_id, collected_at) SELECT source_id, external_id, collected_at FROM mentions;

-- 2. Foreign keys pointing at mentions go; the old table's index definitions are kept for re-creation.
CREATE TEMP TABLE mention_index_defs ON COMMIT DROP AS
  SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
  WHERE i.indrelid = 'mentions'::regclass AND NOT i.indisunique AND NOT i.indisprimary;

DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT conrelid::regclass AS tbl, conname FROM pg_constraint WHERE confrelid = 'mentions'::regclass AND contype = 'f' LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.conname);
  END LOOP;
END $$;

-- 3. The partitioned table, with the same columns, defaults and checks.
ALTER TABLE mentions RENAME TO mentions_unpartitioned;
CREATE TABLE mentions (LIKE mentions_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMMENTS)
  PARTITION BY RANGE (collected_at);
CREATE SEQUENCE mentions_id_seq_p AS bigint;
SELECT setval('mentions_id_seq_p', coalesce((SELECT max(id) FROM mentions_unpartitioned), 0) + 1, false);
ALTER TABLE mentions ALTER COLUMN id SET DEFAULT nextval('mentions_id_seq_p');
ALTER SEQUENCE mentions_id_seq_p OWNED BY mentions.id;
-- The partition key and the distribution column of a Citus layout (docs/scaling.md) are both in it.
ALTER TABLE mentions ADD PRIMARY KEY (id, collected_at, source_id);
ALTER TABLE mentions ADD FOREIGN KEY (source_id) REFERENCES sources (id) ON DELETE CASCADE;

CREATE TABLE mentions_default PARTITION OF mentions DEFAULT;
DO $$
DECLARE
  week timestamptz := date_trunc('week', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
  i integer;
BEGIN
  FOR i IN 0..4 LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF mentions FOR VALUES FROM (%L) TO (%L)',
      'mentions_w' || to_char((week + i * interval '7 days') AT TIME ZONE 'UTC', 'YYYYMMDD'),
      week + i * interval '7 days', week + (i + 1) * interval '7 days');
  END LOOP;
END $$;

INSERT INTO mentions SELECT * FROM mentions_unpartitioned;
DROP TABLE mentions_unpartitioned;

-- 4. Indexes, created on every partition (and on partitions created later). The dashboard's filters:
-- newest first, by watchlist, by source, by label; retention's collected_at; a connector's lookup of one
-- post by (source, external id), e.g. to mark it deleted.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT name, def FROM mention_index_defs LOOP
    IF r.name NOT IN ('mentions_published_idx', 'mentions_collected_idx', 'mentions_watchlists_idx') THEN
      -- Captured before the rename, so the definition names the new table; a unique one was skipped above.
      EXECUTE r.def;
    END IF;
  END LOOP;
END $$;
CREATE INDEX mentions_published_idx ON mentions (published_at DESC, id DESC);
CREATE INDEX mentions_collected_idx ON mentions (collected_at);
CREATE INDEX mentions_watchlists_idx ON mentions USING gin (watchlist_ids);
CREATE INDEX IF NOT EXISTS mentions_source_published_idx ON mentions (source_id, published_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS mentions_label_published_idx ON mentions (label, published_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS mentions_source_external_idx ON mentions (source_id, external_id);
