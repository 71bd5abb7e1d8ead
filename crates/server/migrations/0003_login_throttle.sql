-- Failed sign-ins per email in the current window, to slow down password guessing. Kept in
-- the database so every server process counts the same attempts.
CREATE TABLE login_failures (
    email text PRIMARY KEY,
    window_start timestamptz NOT NULL,
    failures integer NOT NULL
);
