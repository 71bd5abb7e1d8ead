-- Saved searches (talentdesk_domain::saved_search): the ones this user may see, as the server
-- sends them (a record kind of their own: a private one reaches its owner's desktops only).
-- `name` is kept apart from the JSON for the rail's order.
CREATE TABLE IF NOT EXISTS saved_searches (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    watch INTEGER NOT NULL,
    data TEXT NOT NULL
);

-- What a watching saved search heard on this desktop: the candidates who newly matched it in
-- the syncs since it was last opened. This desktop's news, so it never syncs. No foreign key:
-- a pull's rebase takes a saved search made here and not yet sent away and puts it back, and
-- its news must outlive that; the user's own deletion removes it (src/tables/saved_searches.rs).
CREATE TABLE IF NOT EXISTS saved_search_news (
    id TEXT PRIMARY KEY,
    new_matches INTEGER NOT NULL DEFAULT 0,
    opened_at INTEGER
);
