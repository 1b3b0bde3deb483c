-- An in-flight Idempotency-Key is a lease that runs out (a crashed request no longer locks its key for 24 h); only the
-- request holding lease_id may complete or release it.
ALTER TABLE idempotency_keys
    ADD COLUMN lease_id    TEXT,
    ADD COLUMN lease_until TIMESTAMPTZ;

-- Responses stored before secrets were redacted may hold an API key or claim token, and anonymous calls were stored
-- under one shared scope: none of them may be replayed.
DELETE FROM idempotency_keys;
