-- Sign-in throttling by key: an account, a source address, and the pair. Each sign-in attempt
-- is counted before its password is checked (so parallel guesses cannot slip past the count)
-- and a key over its threshold waits for `blocked_until`, doubling with each further failure:
-- a slowdown that ends, not a lock-out the real user cannot escape.
DROP TABLE login_failures;

CREATE TABLE login_throttle (
    key text PRIMARY KEY,
    failures integer NOT NULL,
    last_failure timestamptz NOT NULL,
    blocked_until timestamptz
);

-- Where each account signed in lately. A guesser spread over many addresses slows the
-- account's sign-ins, but not from an address it signed in from before: the real user at
-- their usual desk is never locked out.
CREATE TABLE login_known_sources (
    account text NOT NULL,
    source text NOT NULL,
    last_success timestamptz NOT NULL,
    PRIMARY KEY (account, source)
);
