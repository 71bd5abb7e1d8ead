-- Which history the orgs' versions belong to. Versions count up within one history; a restore
-- from a backup starts a new one that carries the backup's versions over. A desktop whose
-- cursor the backup covers then pulls on; one whose cursor is later than the backup (it saw
-- changes the restore took back) is told to load everything again instead of missing the
-- changes made anew under the same version numbers.
CREATE TABLE sync_histories (
    id uuid PRIMARY KEY,
    -- The history this one continues (NULL for the first). A restore goes into an empty
    -- database, so one database's histories form a single line.
    parent uuid UNIQUE REFERENCES sync_histories (id),
    started_at timestamptz NOT NULL DEFAULT now()
);

-- For each org, how far this history carries its parent's versions over: up to `version`.
-- An org without a row here carried nothing over.
CREATE TABLE sync_history_orgs (
    history_id uuid NOT NULL REFERENCES sync_histories (id),
    org_id uuid NOT NULL REFERENCES orgs (id),
    version bigint NOT NULL,
    PRIMARY KEY (history_id, org_id)
);

-- The first history has the same id everywhere: the cursors handed out before histories
-- existed belong to it, and its cursors name no history (they stay as they were).
INSERT INTO sync_histories (id) VALUES ('00000000-0000-0000-0000-000000000000');
