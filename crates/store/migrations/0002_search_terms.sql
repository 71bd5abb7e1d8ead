-- The keyword index's vocabulary, and for its frequent terms their candidates as a serialized
-- Roaring bitmap. Fetching half a million rowids from FTS5 takes ~50 ms; reading the bitmap
-- takes well under one. Rare terms (cands NULL) are listed so a prefix can be expanded into
-- the exact terms it covers. Terms are never removed: one without candidates matches nothing.
CREATE TABLE search_terms (
    term TEXT PRIMARY KEY,
    cands BLOB
) WITHOUT ROWID;

-- Candidates whose indexed text changed since the bitmaps were written. Whoever reads the
-- bitmaps brings these candidates up to date first (tables/search_terms.rs).
CREATE TABLE search_terms_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    cand INTEGER NOT NULL
);
