-- Candidates' requests to be forgotten (talentdesk_domain::erasure_request), made on their
-- preferences page and synced with their record: one row per candidate who asked, open until an
-- admin declines it (declined holds the decline as JSON) or approves it, which erases the
-- candidate and with them this row.
CREATE TABLE IF NOT EXISTS erasure_requests (
    cand INTEGER PRIMARY KEY REFERENCES candidates (cand) ON DELETE CASCADE,
    requested_at INTEGER NOT NULL,
    declined TEXT
);
-- Settings -> Privacy requests lists the open ones, oldest first.
CREATE INDEX IF NOT EXISTS erasure_requests_open ON erasure_requests (requested_at) WHERE declined IS NULL;
