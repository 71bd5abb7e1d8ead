-- Orgs, the people who sign in, and everything that syncs.

CREATE TABLE orgs (
    id uuid PRIMARY KEY,
    name text NOT NULL UNIQUE,
    -- The org's version counter: a writing transaction takes the next one by updating this
    -- row, whose lock it holds until commit, so versions become visible in order.
    version bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs (id),
    -- Stored lower-cased: sign-in ignores case.
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('recruiter_admin', 'recruiter')),
    ats_id text,
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Bearer tokens, kept only as their SHA-256.
CREATE TABLE tokens (
    hash bytea PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX tokens_by_user ON tokens (user_id);

-- A desktop installation pushing as one user, and the last sequence number taken from it.
CREATE TABLE clients (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs (id),
    user_id uuid NOT NULL REFERENCES users (id),
    last_seq bigint NOT NULL DEFAULT 0
);

-- Every mutation taken, with what became of it: a replay answers from here. Its arguments are
-- not kept: they hold personal data that an erasure must be able to remove completely.
CREATE TABLE mutations (
    client_id uuid NOT NULL REFERENCES clients (id),
    seq bigint NOT NULL,
    org_id uuid NOT NULL REFERENCES orgs (id),
    user_id uuid NOT NULL REFERENCES users (id),
    name text NOT NULL,
    created_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    outcome jsonb NOT NULL,
    PRIMARY KEY (client_id, seq)
);

-- Everything that syncs, one row per record, as the domain's JSON. `data` is NULL once the
-- record is deleted (a tombstone: the personal data is gone, the key tells clients to drop it).
CREATE TABLE records (
    org_id uuid NOT NULL REFERENCES orgs (id),
    kind text NOT NULL,
    id text NOT NULL,
    version bigint NOT NULL,
    data jsonb,
    -- The candidate a note, message, document or history entry belongs to.
    candidate_id uuid,
    -- NULL: everyone in the org sees it; otherwise only this user and the admins.
    visible_to uuid,
    PRIMARY KEY (org_id, kind, id)
);
CREATE INDEX records_by_version ON records (org_id, version, kind, id);
CREATE INDEX records_by_candidate ON records (org_id, candidate_id) WHERE candidate_id IS NOT NULL;

-- History entries are numbered by the server.
CREATE SEQUENCE history_ids;
