-- Sign-up forms taken, waiting to be applied (issue 22: the page answers the same, as fast,
-- whether or not the address is known). The page checks a form and its resume, writes it here
-- and thanks the person at once; the sign-up worker of any server process claims it (row
-- locks, then a claim that expires, so two never apply one and a process that died leaves it
-- to be claimed again), looks the address up and applies it as the self-service actor.
CREATE TABLE signup_submissions (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    received_at timestamptz NOT NULL,
    -- The page's language: the confirmation email speaks it.
    lang text NOT NULL,
    event_id uuid,
    -- What was typed, checked, and what the resume says: signup::queue::Submission.
    form jsonb NOT NULL,
    resume_name text,
    resume bytea,
    -- The confirmation's id: a sign-up that was applied has its message, so a claim that
    -- follows a crash after applying sees it done instead of applying it twice.
    send_id uuid NOT NULL,
    -- The id the person gets when the address is new.
    candidate_id uuid NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_until timestamptz,
    -- Why the rules refused it (the form's data is dropped then; the reason stays for the log).
    refused text
);
CREATE INDEX signup_submissions_due ON signup_submissions (next_attempt_at) WHERE refused IS NULL;
