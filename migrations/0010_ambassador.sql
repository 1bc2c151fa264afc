-- Ambassador programme: idempotent signals with link previews, Web Push subscriptions, invitations and
-- one-time sign-in links, charter and training, tracked share links, single sign-on.

-- Signals written offline carry an id chosen on the phone: a replay of the same report is the same signal.
ALTER TABLE signals ADD COLUMN client_id text CHECK (client_id IS NULL OR length(client_id) BETWEEN 8 AND 64);
CREATE UNIQUE INDEX signals_client_idx ON signals (user_id, client_id) WHERE client_id IS NOT NULL;
-- The shared link's preview (OpenGraph / oEmbed), or why it could not be fetched.
ALTER TABLE signals ADD COLUMN preview jsonb;
ALTER TABLE signals ADD COLUMN preview_error text;

-- Web Push: one row per device (the push service's endpoint is unique per browser installation).
CREATE TABLE push_subscriptions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  endpoint      text NOT NULL UNIQUE CHECK (length(endpoint) BETWEEN 10 AND 2000),
  p256dh        text NOT NULL CHECK (length(p256dh) BETWEEN 40 AND 200),
  auth          text NOT NULL CHECK (length(auth) BETWEEN 10 AND 100),
  alerts        boolean NOT NULL DEFAULT false,
  user_agent    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_sent_at  timestamptz
);
CREATE INDEX push_subscriptions_user_idx ON push_subscriptions (user_id);

ALTER TABLE notifications DROP CONSTRAINT notifications_channel_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_channel_check CHECK (channel IN ('email', 'webhook', 'push'));

-- Invitations and "email me a link": only a SHA-256 of the secret is stored; single use, with an expiry.
CREATE TABLE sign_in_links (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose     text NOT NULL CHECK (purpose IN ('invitation', 'sign_in')),
  token_hash  text NOT NULL UNIQUE,
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);
CREATE INDEX sign_in_links_user_idx ON sign_in_links (user_id);
ALTER TABLE users ADD COLUMN invited_at timestamptz;
ALTER TABLE users ADD COLUMN oidc_subject text;
CREATE UNIQUE INDEX users_oidc_subject_idx ON users (oidc_subject) WHERE oidc_subject IS NOT NULL;

-- The charter: every published version is a row (French and English Markdown, plus the crisis card).
CREATE TABLE charters (
  version       integer PRIMARY KEY CHECK (version > 0),
  body_fr       text NOT NULL CHECK (length(body_fr) BETWEEN 1 AND 50000),
  body_en       text NOT NULL CHECK (length(body_en) BETWEEN 1 AND 50000),
  card_fr       text NOT NULL DEFAULT '' CHECK (length(card_fr) <= 5000),
  card_en       text NOT NULL DEFAULT '' CHECK (length(card_en) <= 5000),
  published_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  published_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE charter_acceptances (
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  version      integer NOT NULL REFERENCES charters (version) ON DELETE CASCADE,
  accepted_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, version)
);

CREATE TABLE training_modules (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  lang        text NOT NULL CHECK (lang IN ('fr', 'en')),
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 50000),
  questions   jsonb NOT NULL DEFAULT '[]'::jsonb,
  position    integer NOT NULL DEFAULT 0,
  published   boolean NOT NULL DEFAULT true,
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE training_completions (
  module_id     uuid NOT NULL REFERENCES training_modules (id) ON DELETE CASCADE,
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  score         integer NOT NULL,
  completed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (module_id, user_id)
);

-- Tracked short links of shared talking points: one per (point, network, group); clicks are counted per
-- link and day, never per person.
CREATE TABLE share_links (
  code              text PRIMARY KEY CHECK (length(code) BETWEEN 6 AND 32),
  talking_point_id  uuid NOT NULL REFERENCES talking_points (id) ON DELETE CASCADE,
  network           text NOT NULL CHECK (network IN ('native', 'linkedin', 'x', 'bluesky', 'mastodon', 'copy')),
  group_id          uuid REFERENCES groups (id) ON DELETE CASCADE,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX share_links_key_idx ON share_links (talking_point_id, network, coalesce(group_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE TABLE share_clicks (
  code    text NOT NULL REFERENCES share_links (code) ON DELETE CASCADE,
  day     date NOT NULL,
  clicks  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (code, day)
);

-- Single sign-on: the state of an authorization request in flight (PKCE verifier, nonce), short-lived.
CREATE TABLE oidc_requests (
  state          text PRIMARY KEY,
  code_verifier  text NOT NULL,
  nonce          text NOT NULL,
  expires_at     timestamptz NOT NULL
);
