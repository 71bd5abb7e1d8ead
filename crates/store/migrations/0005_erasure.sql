-- Privacy erasure (src/erasure.rs).

-- Document bytes to remove from the documents folder once the deletion that orphaned them has
-- committed.
CREATE TABLE blob_orphans (
    sha256 TEXT PRIMARY KEY
) WITHOUT ROWID;

-- The keyword indexes again, now deleted from with FTS5's 'delete' command and the old text
-- (contentless_delete tables refuse it and only mark a deleted row, leaving its words in old
-- segments until a merge). With secure-delete on, the old text of an erased or edited profile
-- is taken out of the index's pages at once. Refilled by the migration's step.
DROP TABLE candidate_fts;
CREATE VIRTUAL TABLE candidate_fts USING fts5 (
    name, email, title, employer, location, skills, education, resume,
    content = '',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '+#'"
);
INSERT INTO candidate_fts (candidate_fts, rank) VALUES ('secure-delete', 1);

DROP TABLE candidate_name_fts;
CREATE VIRTUAL TABLE candidate_name_fts USING fts5 (
    name, email,
    content = '',
    tokenize = "unicode61 remove_diacritics 2 tokenchars '+#'"
);
INSERT INTO candidate_name_fts (candidate_name_fts, rank) VALUES ('secure-delete', 1);

-- From now on, vocabulary words that only an erased candidate had are removed from
-- search_terms (0002 said terms are never removed).
