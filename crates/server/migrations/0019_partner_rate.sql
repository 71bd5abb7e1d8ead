-- Each partner key's token bucket (partner_requests_per_minute, partner_burst), in the
-- database so that every server process behind a balancer takes from the same one: a partner
-- gets its rate in all, not once per process.
CREATE TABLE partner_rate (
    key_id uuid PRIMARY KEY REFERENCES partner_keys (id) ON DELETE CASCADE,
    tokens double precision NOT NULL,
    at timestamptz NOT NULL
);
