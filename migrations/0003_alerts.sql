-- Alerts, incidents, escalation policies, the notification outbox and the event stream.

CREATE TABLE incidents (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  summary      text,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  declared_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  closed_at    timestamptz
);

CREATE TABLE escalation_policies (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  watchlist_id  uuid REFERENCES watchlists (id) ON DELETE CASCADE,
  min_severity  text NOT NULL DEFAULT 'low' CHECK (min_severity IN ('low', 'medium', 'high', 'critical')),
  steps         jsonb NOT NULL,
  repeat        integer NOT NULL DEFAULT 0 CHECK (repeat >= 0),
  is_default    boolean NOT NULL DEFAULT false,
  created_by    uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  deleted_at    timestamptz
);
CREATE UNIQUE INDEX escalation_policies_one_default_idx ON escalation_policies (is_default) WHERE is_default AND deleted_at IS NULL;

-- One row per episode: the fingerprint (watchlist + kind + episode) is unique, whichever instance saw it.
CREATE TABLE alerts (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fingerprint         text NOT NULL UNIQUE,
  watchlist_id        uuid REFERENCES watchlists (id) ON DELETE SET NULL,
  kind                text NOT NULL,
  severity            text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  status              text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved', 'snoozed')),
  score               real NOT NULL DEFAULT 0,
  title               text NOT NULL,
  explanation         jsonb NOT NULL,
  episode_key         text NOT NULL,
  opened_at           timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  acknowledged_at     timestamptz,
  acknowledged_by     uuid REFERENCES users (id) ON DELETE SET NULL,
  ack_expires_at      timestamptz,
  resolved_at         timestamptz,
  resolved_by         uuid REFERENCES users (id) ON DELETE SET NULL,
  resolve_reason      text,
  snoozed_until       timestamptz,
  episode_ended_at    timestamptz,
  incident_id         uuid REFERENCES incidents (id) ON DELETE SET NULL,
  policy_id           uuid REFERENCES escalation_policies (id) ON DELETE SET NULL,
  policy_snapshot     jsonb,
  escalation_step     integer NOT NULL DEFAULT 0,
  escalation_cycle    integer NOT NULL DEFAULT 0,
  escalation_due_at   timestamptz
);
CREATE INDEX alerts_status_idx ON alerts (status, opened_at DESC, id DESC);
CREATE INDEX alerts_opened_idx ON alerts (opened_at DESC, id DESC);
CREATE INDEX alerts_watchlist_idx ON alerts (watchlist_id, opened_at DESC);
-- Timers: the escalation tick claims due rows with FOR UPDATE SKIP LOCKED.
CREATE INDEX alerts_escalation_due_idx ON alerts (escalation_due_at) WHERE escalation_due_at IS NOT NULL;
CREATE INDEX alerts_ack_expiry_idx ON alerts (ack_expires_at) WHERE status = 'acknowledged';
CREATE INDEX alerts_snooze_idx ON alerts (snoozed_until) WHERE status = 'snoozed';
CREATE INDEX alerts_incident_idx ON alerts (incident_id) WHERE incident_id IS NOT NULL;

-- The alert's timeline: raised, notified, escalated, acknowledged, resolved... by whom.
CREATE TABLE alert_events (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id   uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  at         timestamptz NOT NULL DEFAULT now(),
  type       text NOT NULL,
  actor_id   uuid REFERENCES users (id) ON DELETE SET NULL,
  details    jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX alert_events_alert_idx ON alert_events (alert_id, id);

-- Transactional outbox: written with the change that causes it, delivered after commit.
-- idempotency_key = (alert or talking point, step, cycle, recipient, channel): a retry never duplicates.
CREATE TABLE notifications (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  idempotency_key   text NOT NULL UNIQUE,
  alert_id          uuid REFERENCES alerts (id) ON DELETE CASCADE,
  talking_point_id  uuid,
  channel           text NOT NULL CHECK (channel IN ('email', 'webhook')),
  recipient         text NOT NULL,
  user_id           uuid REFERENCES users (id) ON DELETE SET NULL,
  step_index        integer,
  payload           jsonb NOT NULL,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dead', 'cancelled')),
  attempts          integer NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz NOT NULL DEFAULT now(),
  last_error        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  sent_at           timestamptz
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_alert_idx ON notifications (alert_id);
CREATE INDEX notifications_tp_idx ON notifications (talking_point_id) WHERE talking_point_id IS NOT NULL;
CREATE INDEX notifications_dead_idx ON notifications (created_at DESC) WHERE status IN ('dead', 'failed');

-- Stream events, kept for ?since= replay and fanned out across instances with NOTIFY.
CREATE TABLE events (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type      text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now(),
  data      jsonb NOT NULL,
  roles     text[] NOT NULL,
  user_ids  uuid[]
);
CREATE INDEX events_at_idx ON events (at);
