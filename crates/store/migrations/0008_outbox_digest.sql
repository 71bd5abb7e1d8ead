-- Each waiting mutation's fingerprint as it was made (the server keeps it with the sequence
-- number, to tell a retry from a different mutation of a copied replica under the same
-- number). NULL for mutations made before this column: computed when pushed.
ALTER TABLE outbox ADD COLUMN digest TEXT;
