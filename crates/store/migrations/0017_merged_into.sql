-- Where a merged candidate went: each id a merge took, and the survivor who took it. A
-- profile opened by a merged id follows it instead of scanning the whole history for the
-- merge's entry (about a second at a million candidates, holding the store's lock).
CREATE TABLE merged_into (
    id TEXT PRIMARY KEY,
    survivor TEXT NOT NULL
) WITHOUT ROWID;

-- A merge's entry, made here or pulled from the server, names those it took; the newest
-- merge of an id decides.
CREATE TRIGGER merged_into_on_merge AFTER INSERT ON history
WHEN json_extract(NEW.detail, '$.kind') = 'merged'
BEGIN
    INSERT OR REPLACE INTO merged_into (id, survivor)
    SELECT value, (SELECT id FROM candidates WHERE cand = NEW.cand)
    FROM json_each(NEW.detail, '$.candidates');
END;

-- A candidate here again (a merge undone, here or on the server) redirects nowhere, also
-- after being deleted later: their old merge no longer says where they are.
CREATE TRIGGER merged_into_on_return AFTER INSERT ON candidates
BEGIN
    DELETE FROM merged_into WHERE id = NEW.id;
END;

-- The merges already made, oldest first, less those undone since (the candidate is here).
INSERT OR REPLACE INTO merged_into (id, survivor)
SELECT j.value, c.id
FROM history h JOIN candidates c ON c.cand = h.cand, json_each(h.detail, '$.candidates') j
WHERE h.detail LIKE '%"kind":"merged"%' AND json_extract(h.detail, '$.kind') = 'merged'
ORDER BY h.at, h.id;
DELETE FROM merged_into WHERE id IN (SELECT id FROM candidates);
