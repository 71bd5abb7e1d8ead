-- What search keeps in memory for every candidate (src/search/facts.rs), saved, so an app
-- starting on a million candidates reads one blob instead of a million rows. The row exists
-- once an app keeps a snapshot (it is the switch for the log below); `data` is NULL until
-- the first snapshot is written, and again after an erasure, which must not leave a name
-- behind in it.
CREATE TABLE search_facts (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data BLOB
);

-- Candidates changed since the snapshot was written, by any connection: whoever loads the
-- snapshot re-reads these. Written by triggers so no write path can forget it, and only
-- while a snapshot is kept, so bulk loads and command-line use pay nothing.
CREATE TABLE search_facts_log (
    id INTEGER PRIMARY KEY,
    cand INTEGER NOT NULL
);

CREATE TRIGGER search_facts_after_insert AFTER INSERT ON candidates
WHEN EXISTS (SELECT 1 FROM search_facts)
BEGIN
    INSERT INTO search_facts_log (cand) VALUES (new.cand);
END;

CREATE TRIGGER search_facts_after_update
AFTER UPDATE OF active, eligible, activity, engagements, profile_type, owner_id, created_at, updated_at, name_key
ON candidates
WHEN EXISTS (SELECT 1 FROM search_facts)
BEGIN
    INSERT INTO search_facts_log (cand) VALUES (new.cand);
END;

CREATE TRIGGER search_facts_after_delete AFTER DELETE ON candidates
WHEN EXISTS (SELECT 1 FROM search_facts)
BEGIN
    INSERT INTO search_facts_log (cand) VALUES (old.cand);
END;
