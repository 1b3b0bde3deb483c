-- How far a consumer of the room event feed (room_events) has got, by seq, for consumers that keep one position for
-- the whole cluster: the Redis publisher ("redis"), which holds a PostgreSQL advisory lock while it publishes, so
-- one replica at a time moves its row. A position only grows; it is stored after each published batch.
CREATE TABLE feed_cursors (
    name       TEXT        PRIMARY KEY,
    position   BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
