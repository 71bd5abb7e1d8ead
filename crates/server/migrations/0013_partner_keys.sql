-- API keys an admin gives a partner (a reference-check service, an assessment vendor) to read
-- candidates and write results back on the partner routes (/v1/partner/...). The secret is
-- shown once and kept only as its SHA-256, like sign-in tokens. Each key writes as an actor of
-- its own (a users row that can never sign in), so every partner write is a mutation with
-- history naming the key, and revoking a key leaves what it wrote attributed to it.
CREATE TABLE partner_keys (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs (id),
    name text NOT NULL,
    -- What the key may do: candidates:read, notes:write, documents:write,
    -- custom_fields:write, workflow:write.
    scopes text[] NOT NULL,
    actor_id uuid NOT NULL UNIQUE REFERENCES users (id),
    secret_hash bytea NOT NULL UNIQUE,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    -- Written at most once a minute per key: a busy partner does not make every request a write.
    last_used_at timestamptz
);
CREATE INDEX partner_keys_by_org ON partner_keys (org_id, created_at);
