-- The duplicate finders' index (src/tables/dedupe_keys.rs): each candidate's dedupe keys
-- (email, LinkedIn profile, phone, name with employer or phone; national phone numbers as
-- their digits, read in a country when used), so that the Duplicates page, an import's plan
-- and a queue of resumes read the keys instead of every candidate's row and details. Kept
-- as the check-in index is (0011): each candidate's keys in their own row, written with the
-- candidate's row and gone with it by cascade; every key in order in a table the triggers
-- keep in step; a bulk load defers the triggers and writes the keys in order at its end.
-- Filled for existing candidates by the migration's step.
CREATE TABLE dedupe_people (
    cand INTEGER PRIMARY KEY REFERENCES candidates (cand) ON DELETE CASCADE,
    keys TEXT NOT NULL
);

-- Every key with its candidate, in key order: whole-database passes and point lookups read
-- this table alone.
CREATE TABLE dedupe_keys (
    key TEXT NOT NULL,
    cand INTEGER NOT NULL,
    PRIMARY KEY (key, cand)
) WITHOUT ROWID;

CREATE TABLE dedupe_deferred (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

CREATE TRIGGER dedupe_people_after_insert AFTER INSERT ON dedupe_people
WHEN NOT EXISTS (SELECT 1 FROM dedupe_deferred)
BEGIN
    INSERT OR IGNORE INTO dedupe_keys (key, cand) SELECT value, new.cand FROM json_each(new.keys);
END;

CREATE TRIGGER dedupe_people_after_update AFTER UPDATE OF keys ON dedupe_people
BEGIN
    DELETE FROM dedupe_keys WHERE cand = old.cand AND key IN (SELECT value FROM json_each(old.keys));
    INSERT OR IGNORE INTO dedupe_keys (key, cand) SELECT value, new.cand FROM json_each(new.keys);
END;

-- Also when the candidate goes (by cascade: erased, merged into another): nothing of them stays.
CREATE TRIGGER dedupe_people_after_delete AFTER DELETE ON dedupe_people
BEGIN
    DELETE FROM dedupe_keys WHERE cand = old.cand AND key IN (SELECT value FROM json_each(old.keys));
END;
