-- Webhook deliveries, API.md "Watchers (webhooks)".

-- The delivery log view (query side, rebuilt from the WebhookDelivery events like every view): the latest state of
-- each delivery, what GET /v1/watchers/:id/deliveries lists, newest first. Every attempt is kept as a
-- DeliveryAttempted event in the event store; this row shows the latest one.
CREATE TABLE webhook_delivery_view (
    id              TEXT        PRIMARY KEY,
    watcher_id      TEXT        NOT NULL,
    org_id          TEXT        NOT NULL,
    room_id         TEXT        NOT NULL,
    event_id        BIGINT      NOT NULL,
    event_type      TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    attempts        INTEGER     NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    next_attempt_at TIMESTAMPTZ,
    response_status INTEGER,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    version         BIGINT      NOT NULL
);
CREATE INDEX webhook_delivery_view_watcher ON webhook_delivery_view (watcher_id, created_at DESC, id DESC);
CREATE INDEX webhook_delivery_view_watcher_status ON webhook_delivery_view (watcher_id, status, created_at DESC, id DESC);

-- The command side's lookup for "a watcher whose deliveries have all failed for 5 days is disabled": the first failed
-- attempt since the watcher's last successful one. Kept in the attempt's transaction; never rebuilt.
CREATE TABLE watcher_failure_streaks (
    watcher_id    TEXT        PRIMARY KEY,
    failing_since TIMESTAMPTZ NOT NULL
);
