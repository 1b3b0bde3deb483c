-- Web Push subscriptions of dashboard users (docs/dashboard.md "Notifications (Web Push)"): one row per browser,
-- keyed by its push service endpoint, so subscribing the same browser again updates its row. p256dh and auth are the
-- browser's keys for encrypting to it (RFC 8291): secrets of that browser, never logged and never in an event.
CREATE TABLE push_subscriptions (
    endpoint   TEXT        PRIMARY KEY,
    org_id     TEXT        NOT NULL,
    human_id   TEXT        NOT NULL,
    p256dh     TEXT        NOT NULL,
    auth       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX push_subscriptions_human ON push_subscriptions (human_id);
