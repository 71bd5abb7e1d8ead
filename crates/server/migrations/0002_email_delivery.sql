-- Email delivery: which queued emails are being sent or waiting to retry, and the tokens of
-- the open-tracking pixel and tracked links.

-- Finds queued email without scanning every record.
CREATE INDEX records_queued_email ON records (org_id, version)
    WHERE kind = 'message' AND data IS NOT NULL AND data ->> 'channel' = 'email'
      AND data ->> 'sent_at' IS NULL AND data ->> 'bounced_at' IS NULL;

-- A message claimed by a server process until `claimed_until`; after a transient failure the
-- claim is pushed into the future to wait before the next attempt.
CREATE TABLE deliveries (
    org_id uuid NOT NULL REFERENCES orgs (id),
    message_id text NOT NULL,
    claimed_until timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    PRIMARY KEY (org_id, message_id)
);

-- The token in a sent email's pixel and links, and the links' real targets in order.
CREATE TABLE tracking (
    token text PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs (id),
    message_id text NOT NULL,
    links jsonb NOT NULL
);
