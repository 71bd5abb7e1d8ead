-- Records a pull brought before what they refer to (see `replica::early`): a note, message,
-- document or history entry whose candidate comes on a later page, or a candidate whose
-- pipeline, event or job does. They wait here, and are written when it arrives.
CREATE TABLE sync_early (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    -- The candidate an attached record waits for; NULL for a candidate waiting for its lists.
    candidate_id TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE INDEX sync_early_candidate ON sync_early (candidate_id);
