-- The secret the links in emails to candidates are signed with (their preferences page, the
-- one-click unsubscribe), made on first use when the server's settings name none, and kept so
-- that links keep working after a restart and on every server process.
CREATE TABLE link_secret (
    only_one boolean PRIMARY KEY DEFAULT true CHECK (only_one),
    secret bytea NOT NULL
);
