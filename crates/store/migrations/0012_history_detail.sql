-- History lists every change to a candidate, not only profile edits: tags, notes, pipelines,
-- applications, statuses, documents and messages. Such an entry keeps what happened as data
-- (JSON, the domain's HistoryDetail) beside its summary in words.
ALTER TABLE history ADD COLUMN detail TEXT;

-- One change made here to many candidates at once (tagging 100,000 of them) is one entry,
-- kept once, and a short row per candidate naming it: a full row each cost as much as the
-- tagging itself. Like the other entries made here, they give way to the server's entries
-- (one per candidate, in `history`) when the change comes back in a pull.
CREATE TABLE history_shared (
    id INTEGER PRIMARY KEY,  -- negative, from the same numbers as the entries made here
    action TEXT NOT NULL,
    actor_email TEXT NOT NULL,
    at INTEGER NOT NULL,
    changes TEXT NOT NULL,
    summary TEXT,
    detail TEXT
);
CREATE TABLE history_shared_cands (
    cand INTEGER NOT NULL REFERENCES candidates (cand) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    PRIMARY KEY (cand, id)
) WITHOUT ROWID;
