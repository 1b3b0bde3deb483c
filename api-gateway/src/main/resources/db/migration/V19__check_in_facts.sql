-- One row per agent→human check-in, with plain columns an analyst can query with SQL (docs/analytics.md) and that
-- GET /v1/rooms/:room/stats aggregates. Written by the check-in-facts view, in the command's transaction like the other
-- views, and rebuilt like them from the event store.
CREATE TABLE check_in_facts (
    check_in_id     TEXT             PRIMARY KEY,
    org_id          TEXT             NOT NULL,
    room_id         TEXT             NOT NULL,
    agent_id        TEXT             NOT NULL,
    action          TEXT             NOT NULL,
    risk_level      TEXT,
    urgency         TEXT,
    created_at      TIMESTAMPTZ      NOT NULL,
    policy_decision TEXT             NOT NULL,
    policy_source   TEXT             NOT NULL,
    policy_rule_id  TEXT,
    trust_score     DOUBLE PRECISION NOT NULL,
    policy_version  INTEGER          NOT NULL,
    status          TEXT             NOT NULL,
    decided_by      TEXT,
    decided_by_id   TEXT,
    decided_at      TIMESTAMPTZ,
    decision_ms     BIGINT,
    approval_source TEXT,
    version         BIGINT           NOT NULL
);
CREATE INDEX check_in_facts_room ON check_in_facts (room_id, created_at);
