-- The check-in lookup's index again (0010 made it keyed by candidate first, with a second
-- index by key: two B-trees of ~5 million entries at a million candidates, the second sorted
-- from scratch after every bulk load). Now each candidate's keys are kept once, in their own
-- row, and the keys in order in one table that triggers keep in step with those rows, so no
-- write path can forget it. A bulk load defers the triggers' work and writes the keys in
-- order at its end (tables/checkin_keys.rs). Filled for existing candidates by the step.
DROP TABLE checkin_keys;

-- A candidate's keys (src/checkin/keys.rs), as a JSON array of strings.
CREATE TABLE checkin_people (
    cand INTEGER PRIMARY KEY REFERENCES candidates (cand) ON DELETE CASCADE,
    keys TEXT NOT NULL
);

-- Every key with its candidate, in key order: the check-in screen's range scans.
CREATE TABLE checkin_keys (
    key TEXT NOT NULL,
    cand INTEGER NOT NULL,
    PRIMARY KEY (key, cand)
) WITHOUT ROWID;

-- A row here while a bulk load writes candidates: their keys go in at its end, in order.
CREATE TABLE checkin_deferred (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

CREATE TRIGGER checkin_people_after_insert AFTER INSERT ON checkin_people
WHEN NOT EXISTS (SELECT 1 FROM checkin_deferred)
BEGIN
    INSERT OR IGNORE INTO checkin_keys (key, cand) SELECT value, new.cand FROM json_each(new.keys);
END;

CREATE TRIGGER checkin_people_after_update AFTER UPDATE OF keys ON checkin_people
BEGIN
    DELETE FROM checkin_keys WHERE cand = old.cand AND key IN (SELECT value FROM json_each(old.keys));
    INSERT OR IGNORE INTO checkin_keys (key, cand) SELECT value, new.cand FROM json_each(new.keys);
END;

-- Also when the candidate goes (by cascade): an erased name leaves no key behind.
CREATE TRIGGER checkin_people_after_delete AFTER DELETE ON checkin_people
BEGIN
    DELETE FROM checkin_keys WHERE cand = old.cand AND key IN (SELECT value FROM json_each(old.keys));
END;
