-- The thread view: every message of every check-in's and task's thread, listed oldest first per check-in.
CREATE TABLE thread_messages (
    id          TEXT        PRIMARY KEY,
    check_in_id TEXT        NOT NULL,
    org_id      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    state       JSON        NOT NULL
);
CREATE INDEX thread_messages_check_in ON thread_messages (check_in_id, created_at, id);
