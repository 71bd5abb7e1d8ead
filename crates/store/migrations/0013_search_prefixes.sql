-- Candidates by the short prefix of a term they have, for each keyword index ('keywords':
-- candidate_fts, over rare terms only, since frequent terms have bitmaps in search_terms;
-- 'names': candidate_name_fts, over all its terms). Only prefixes of up to three characters
-- that cover many terms get a row: FTS5 answers such a prefix by merging thousands of
-- doclists (1.5 s for "c*" at a million candidates); reading the bitmap takes a millisecond.
-- Kept current like search_terms, through search_terms_log (search/prefixes.rs).
CREATE TABLE search_prefixes (
    idx TEXT NOT NULL,
    prefix TEXT NOT NULL,
    cands BLOB NOT NULL,
    PRIMARY KEY (idx, prefix)
) WITHOUT ROWID;
