-- Watchers (webhooks), API.md "Watchers (webhooks)".

-- The watcher view (query side, rebuilt from the Watcher events like every view): what GET /v1/watchers/:id and
-- GET /v1/rooms/:room/watchers answer. Never a secret. A removed watcher keeps its row (status 'removed') so its
-- deliveries stay explainable, but the API answers it as missing.
CREATE TABLE watcher_view (
    id              TEXT        PRIMARY KEY,
    org_id          TEXT        NOT NULL,
    room_id         TEXT        NOT NULL,
    owner_type      TEXT        NOT NULL,
    owner_id        TEXT        NOT NULL,
    webhook_url     TEXT        NOT NULL,
    event_types     JSON        NOT NULL,
    filter          JSON        NOT NULL,
    description     TEXT,
    status          TEXT        NOT NULL,
    disabled_reason TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL
);
CREATE INDEX watcher_view_room ON watcher_view (room_id, created_at, id);

-- The command side's lookup of watchers, kept in the transaction that stores their events: which watchers of a room
-- are active (the delivery matcher), where one delivers and whether it may (the delivery sender), how many a room
-- has (the per-room cap). Not a view: it is never rebuilt, so the delivery side never reads a table being swapped.
CREATE TABLE watcher_targets (
    watcher_id  TEXT        PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    room_id     TEXT        NOT NULL,
    owner_type  TEXT        NOT NULL,
    owner_id    TEXT        NOT NULL,
    webhook_url TEXT        NOT NULL,
    event_types JSON        NOT NULL,
    filter      JSON        NOT NULL,
    status      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX watcher_targets_room ON watcher_targets (room_id, status);

-- Signing secrets, in plain text because HMAC needs the key itself; never in an event, a log or a stored idempotent
-- response. valid_until NULL marks the current secret (one per watcher); a rotated-out secret keeps signing until its
-- valid_until (24 h after the rotation), so receivers can switch over. Written by the command handlers that issue
-- them, in the command's transaction; deleted when the watcher is removed.
CREATE TABLE watcher_secrets (
    watcher_id  TEXT        NOT NULL,
    secret      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    valid_until TIMESTAMPTZ,
    PRIMARY KEY (watcher_id, secret)
);
CREATE UNIQUE INDEX watcher_secrets_current ON watcher_secrets (watcher_id) WHERE valid_until IS NULL;
