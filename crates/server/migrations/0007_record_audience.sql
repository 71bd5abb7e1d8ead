-- Who may have had a record: a private record (a note, a message, a private pipeline) is sent,
-- even as a removal, only to its owner and the admins, unless it was once visible to the whole
-- org (a note turned private), in which case the others may hold a copy and get the removal.
-- A tombstone now keeps `visible_to`, so its removal goes to the same people.
ALTER TABLE records ADD COLUMN shared_once boolean NOT NULL DEFAULT false;
UPDATE records SET shared_once = true WHERE visible_to IS NULL;
