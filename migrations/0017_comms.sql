-- Comms: the reason a talking point was sent back to its author, kept on the point (not only in the audit
-- log) so the author sees it on the draft until they submit it again.
ALTER TABLE talking_points ADD COLUMN sent_back_reason text CHECK (sent_back_reason IS NULL OR length(sent_back_reason) <= 2000);
ALTER TABLE talking_points ADD COLUMN sent_back_by uuid REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE talking_points ADD COLUMN sent_back_at timestamptz;
