-- Triage (issue 13, item 3): related alerts of one watchlist and episode window form one group, an incident
-- candidate (PagerDuty's alert grouping, Alertmanager's group_by). group_id is the id of the group's first
-- alert; NULL means the alert leads its own group (so existing alerts need no backfill).
ALTER TABLE alerts ADD COLUMN group_id uuid REFERENCES alerts (id) ON DELETE SET NULL;
CREATE INDEX alerts_group_idx ON alerts (group_id) WHERE group_id IS NOT NULL;
