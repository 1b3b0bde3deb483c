-- The thread view: every message of every check-in's and task's thread. Its one index is the order a thread is
-- listed in (oldest first, by created_at then id, like every list) and the key that makes a redelivered event's
-- insert a no-op: system messages have ids derived from their event.
CREATE TABLE thread_messages (
    check_in_id TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    id          TEXT        NOT NULL,
    org_id      TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    author_type TEXT        NOT NULL,
    author_id   TEXT,
    content     TEXT,
    metadata    JSON        NOT NULL,
    attachments JSON        NOT NULL,
    PRIMARY KEY (check_in_id, created_at, id)
);
