-- The crisis room: escalation shown on screen, each alert's own evidence, triage (assignee, acknowledgement
-- note), deliveries that could not be attempted, forced password changes, and incidents as the unit of work.

-- Who the last escalation step reached, on which channel: [{channel, kind, to}] (written with the step).
ALTER TABLE alerts ADD COLUMN escalation_notified jsonb NOT NULL DEFAULT '[]';
-- What the detector saw when it raised this alert (its own mentions, terms, expected value, window series).
ALTER TABLE alerts ADD COLUMN evidence jsonb;
ALTER TABLE alerts ADD COLUMN assignee_id uuid REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE alerts ADD COLUMN ack_note text;
CREATE INDEX alerts_assignee_idx ON alerts (assignee_id) WHERE assignee_id IS NOT NULL;

-- 'skipped': the channel is not configured (no SMTP_URL): nothing was attempted, nothing failed.
ALTER TABLE notifications DROP CONSTRAINT notifications_status_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'failed', 'dead', 'cancelled', 'skipped'));

-- Generated passwords must be replaced at the first sign-in.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Incidents: a phase (status stays open/closed: closed ⇔ resolved), a commander and a comms lead.
ALTER TABLE incidents ADD COLUMN phase text NOT NULL DEFAULT 'investigating' CHECK (phase IN ('investigating', 'identified', 'monitoring', 'resolved'));
ALTER TABLE incidents ADD COLUMN commander_id uuid REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE incidents ADD COLUMN comms_lead_id uuid REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE incidents ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
UPDATE incidents SET phase = 'resolved' WHERE status = 'closed';

-- Everything that happened in an incident, in order (declared, phase changes, alerts linked, points published…).
CREATE TABLE incident_events (
  id           bigserial PRIMARY KEY,
  incident_id  uuid NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  at           timestamptz NOT NULL DEFAULT now(),
  type         text NOT NULL,
  actor_id     uuid REFERENCES users (id) ON DELETE SET NULL,
  details      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX incident_events_incident_idx ON incident_events (incident_id, id);
CREATE INDEX talking_points_published_incident_idx ON talking_points (incident_id, published_at) WHERE incident_id IS NOT NULL;
