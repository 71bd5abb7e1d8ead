-- Text messages through a provider (src/sms): queued texts are claimed in `deliveries` like
-- emails; the provider's id of each text it took leads its status callbacks to the message.

-- Finds queued texts without scanning every record.
CREATE INDEX records_queued_text ON records (org_id, version)
    WHERE kind = 'message' AND data IS NOT NULL AND data ->> 'channel' = 'text'
      AND data ->> 'sent_at' IS NULL AND data ->> 'bounced_at' IS NULL;

-- The provider's id of a text it accepted (Twilio's MessageSid), and the message it is.
CREATE TABLE sms_sent (
    provider_id text PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs (id),
    message_id text NOT NULL
);

-- An answer from a number (STOP, START) is matched to candidates by the number's last seven
-- digits here, then exactly by the normalised number (a number's forms differ in their
-- prefixes: +351 91..., 0091..., 91...).
CREATE INDEX records_candidate_phone_tail ON records
    (right(regexp_replace(data #>> '{candidate,profile,phone}', '[^0-9]', '', 'g'), 7))
    WHERE kind = 'candidate' AND data IS NOT NULL;
