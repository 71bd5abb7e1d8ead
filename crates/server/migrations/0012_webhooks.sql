-- Outbound webhooks (issue 22 item 5). An event is written to `webhook_events` in the very
-- transaction that applied its mutation (a transactional outbox: no event without its change,
-- no change without its event), with one `webhook_deliveries` row per webhook it matches;
-- the delivery worker sends those rows and keeps their fate as the admin's delivery log.

CREATE TABLE webhooks (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs (id),
    url text NOT NULL,
    -- The HMAC key of the signature header: the receiver keeps a copy, so it is kept as is.
    secret text NOT NULL,
    events text[] NOT NULL,
    -- Optional filters of status changes.
    pipeline_id uuid,
    status text,
    enabled boolean NOT NULL DEFAULT true,
    disabled_at timestamptz,
    disabled_reason text,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL
);
-- The check every push makes: does this org have a webhook that listens?
CREATE INDEX webhooks_enabled ON webhooks (org_id) WHERE enabled;

CREATE TABLE webhook_events (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs (id),
    type text NOT NULL,
    time timestamptz NOT NULL,
    -- The body sent: {id, type, time, data}.
    payload jsonb NOT NULL,
    -- Whom it is about, so an erasure can take the person out of what waits.
    candidate_id uuid
);
CREATE INDEX webhook_events_candidate ON webhook_events (org_id, candidate_id);

CREATE TABLE webhook_deliveries (
    id uuid PRIMARY KEY,
    webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id uuid NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    -- Pending: when it is due (its first try at once, then each retry).
    next_attempt_at timestamptz,
    -- A worker sending it holds it until then; one that died lets it go.
    claimed_until timestamptz,
    last_attempt_at timestamptz,
    response_code integer,
    error text
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at DESC);

-- Emails to team members that the server writes itself (a webhook disabled, for its admins),
-- sent by the email delivery worker.
CREATE TABLE notices (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs (id),
    to_address text NOT NULL,
    subject text NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at timestamptz,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error text
);
CREATE INDEX notices_due ON notices (next_attempt_at) WHERE sent_at IS NULL;
