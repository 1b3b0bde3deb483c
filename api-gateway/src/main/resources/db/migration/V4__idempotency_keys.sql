-- Responses to POSTs sent with an Idempotency-Key, per credential, kept 24 h.
CREATE TABLE idempotency_keys (
    credential   TEXT        NOT NULL,
    idem_key     TEXT        NOT NULL,
    fingerprint  TEXT        NOT NULL,
    completed    BOOLEAN     NOT NULL DEFAULT FALSE,
    status       INTEGER,
    content_type TEXT,
    body         BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (credential, idem_key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
