-- Career fairs. Events gain a capacity, a description, an archived flag and the secret their
-- check-in codes derive from. A membership holds registration and attendance apart (when,
-- how, checked in by whom), walk-ins, areas of interest and ratings (JSON: recruiter email ->
-- stars, one rating per recruiter, replacing the single rating), and the person's check-in
-- code at the event, worked out by the store whenever the row is written.
ALTER TABLE events ADD COLUMN capacity INTEGER;
ALTER TABLE events ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN code_key TEXT NOT NULL DEFAULT '';

ALTER TABLE event_members ADD COLUMN registered_at INTEGER;
ALTER TABLE event_members ADD COLUMN registered_via TEXT;
ALTER TABLE event_members ADD COLUMN checked_in_at INTEGER;
ALTER TABLE event_members ADD COLUMN checked_in_by TEXT;
ALTER TABLE event_members ADD COLUMN walk_in INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_members ADD COLUMN follow_up INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_members ADD COLUMN interests TEXT NOT NULL DEFAULT '[]';
ALTER TABLE event_members ADD COLUMN ratings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE event_members ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE event_members DROP COLUMN rating;
CREATE INDEX event_members_code ON event_members (code);

-- Entries that are not profile edits ("Checked in at Spring Career Fair") say what happened.
ALTER TABLE history ADD COLUMN summary TEXT;

-- A registration confirmation carries the check-in code its QR image shows.
ALTER TABLE messages ADD COLUMN check_in_code TEXT;
