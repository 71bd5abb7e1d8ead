-- The store as a replica of the server (src/replica).

-- The server's copy of each record that mutations still waiting in the outbox have changed
-- here: taken just before the first such change, refreshed by pulls. A rebase puts these back
-- and applies the waiting mutations again on top. `data` NULL: the server does not have the
-- record (it was created here).
CREATE TABLE sync_base (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- What the server said about this client's mutations that the user should know: a rejection
-- (nothing changed) or a conflict (a teammate's value was overwritten and can be put back).
CREATE TABLE sync_notices (
    seq INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    candidate_id TEXT,
    detail TEXT NOT NULL,  -- JSON: the Notice's detail
    at INTEGER NOT NULL,
    dismissed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_notices_candidate ON sync_notices (candidate_id);
