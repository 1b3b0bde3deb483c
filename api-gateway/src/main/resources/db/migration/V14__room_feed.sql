-- The room event feed: every event a client can subscribe to, as the envelope every transport sends, in the order
-- one writer (the "room-feed" streaming processor, one segment) committed it. seq is the envelope's id and the
-- resume point: it is taken by that single writer inside its transaction, so seq order is commit order and a reader
-- that tails by seq never skips a row committed late. The event store's global index is not: two commands can take
-- indexes 10 and 11 and commit 11 first.
CREATE SEQUENCE room_events_seq INCREMENT BY 1;

CREATE TABLE room_events (
    seq          BIGINT      PRIMARY KEY,
    global_index BIGINT      NOT NULL UNIQUE,
    room_id      TEXT        NOT NULL,
    org_id       TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    envelope     TEXT        NOT NULL
);

CREATE INDEX room_events_by_room ON room_events (room_id, seq);
CREATE INDEX room_events_by_time ON room_events (occurred_at);
