-- A deactivated user keeps their row (their records stay attributed to them) but cannot sign
-- in or use a token: an admin ends their sign-ins and sets this; reactivating clears it.
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
