-- Talking points (versioned, four-eyes approval), audiences, receipts.

CREATE TABLE groups (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind        text NOT NULL DEFAULT 'team' CHECK (kind IN ('team', 'department', 'language', 'other')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX groups_name_idx ON groups (lower(name));

CREATE TABLE group_members (
  group_id  uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user_idx ON group_members (user_id);

-- Every version is a row; lineage_id ties the versions of one point together.
CREATE TABLE talking_points (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  lineage_id       uuid NOT NULL,
  version          integer NOT NULL DEFAULT 1,
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'approved', 'published', 'superseded', 'retired')),
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  body             text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  variants         jsonb NOT NULL DEFAULT '{}'::jsonb,
  shareable        boolean NOT NULL DEFAULT false,
  suggested_posts  jsonb NOT NULL DEFAULT '[]'::jsonb,
  tags             text[] NOT NULL DEFAULT '{}',
  incident_id      uuid REFERENCES incidents (id) ON DELETE SET NULL,
  alert_ids        uuid[] NOT NULL DEFAULT '{}',
  audience         jsonb NOT NULL DEFAULT '{"all": true}'::jsonb,
  author_id        uuid NOT NULL REFERENCES users (id),
  submitted_at     timestamptz,
  approved_by      uuid REFERENCES users (id),
  approved_at      timestamptz,
  published_by     uuid REFERENCES users (id),
  published_at     timestamptz,
  retired_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  search           tsvector,
  UNIQUE (lineage_id, version),
  CHECK (approved_by IS NULL OR approved_by <> author_id)
);
CREATE INDEX talking_points_status_idx ON talking_points (status, updated_at DESC);
CREATE INDEX talking_points_incident_idx ON talking_points (incident_id);
CREATE INDEX talking_points_search_idx ON talking_points USING gin (search);
CREATE INDEX talking_points_tags_idx ON talking_points USING gin (tags);
-- At most one published version per lineage.
CREATE UNIQUE INDEX talking_points_one_published_idx ON talking_points (lineage_id) WHERE status = 'published';

CREATE TABLE talking_point_receipts (
  talking_point_id  uuid NOT NULL REFERENCES talking_points (id) ON DELETE CASCADE,
  user_id           uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  priority          boolean NOT NULL DEFAULT false,
  sent_at           timestamptz NOT NULL DEFAULT now(),
  read_at           timestamptz,
  PRIMARY KEY (talking_point_id, user_id)
);
CREATE INDEX talking_point_receipts_user_idx ON talking_point_receipts (user_id, sent_at DESC);
