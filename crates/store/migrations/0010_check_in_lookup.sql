-- The check-in lookup's index (src/checkin.rs): each candidate's folded name words, email and
-- phone digits, one row a key. The check-in screen finds people by a range scan of the keys
-- (a prefix typed so far), which stops as soon as a page is full. Rows are written with the
-- candidate's own row (tables/candidates.rs) and go with it by cascade. Filled for existing
-- candidates by the migration's step.
CREATE TABLE checkin_keys (
    cand INTEGER NOT NULL REFERENCES candidates (cand) ON DELETE CASCADE,
    key TEXT NOT NULL,
    PRIMARY KEY (cand, key)
) WITHOUT ROWID;
-- Covering (a WITHOUT ROWID table's index holds its primary key): a scan reads no table rows.
CREATE INDEX checkin_keys_key ON checkin_keys (key);
