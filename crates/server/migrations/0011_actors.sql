-- Who acts besides the people who sign in: the candidates' own pages (sign-up, preferences,
-- replies to texts) and each partner API key. They are users so that what they do is a
-- mutation like anyone's, taken once and named in the candidate's history; they never sign in
-- (their password hash verifies nothing) and the team list leaves them out. Their email column
-- holds the label history shows, so it is unique among people only.
ALTER TABLE users ADD COLUMN kind text NOT NULL DEFAULT 'person'
    CHECK (kind IN ('person', 'self_service', 'partner'));
ALTER TABLE users DROP CONSTRAINT users_email_key;
CREATE UNIQUE INDEX users_person_email ON users (email) WHERE kind = 'person';
-- One self-service actor per organisation.
CREATE UNIQUE INDEX users_self_service ON users (org_id) WHERE kind = 'self_service';
