-- Charter, training and tracked share links (issue 14): the link a shareable talking point sends readers to.
-- The tracked short link /r/:code redirects there; without it a point is shared as text only.
ALTER TABLE talking_points ADD COLUMN share_url text CHECK (share_url IS NULL OR length(share_url) BETWEEN 8 AND 2000);
