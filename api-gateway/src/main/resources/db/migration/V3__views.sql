-- Read models. Each belongs to one processing group and is rebuilt from the event store by its reset handler.

CREATE TABLE check_in_view (
    id         TEXT        PRIMARY KEY,
    org_id     TEXT        NOT NULL,
    room_id    TEXT        NOT NULL,
    direction  TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    risk_level TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL,
    state      JSONB       NOT NULL
);
CREATE INDEX check_in_view_room_status ON check_in_view (room_id, status, created_at, id);
CREATE INDEX check_in_view_room ON check_in_view (room_id, created_at, id);

CREATE TABLE room_view (
    id         TEXT        PRIMARY KEY,
    org_id     TEXT        NOT NULL,
    slug       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL,
    state      JSONB       NOT NULL
);
CREATE INDEX room_view_org ON room_view (org_id, created_at, id);
CREATE INDEX room_view_slug ON room_view (org_id, slug);

CREATE TABLE agent_view (
    id         TEXT        PRIMARY KEY,
    org_id     TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL,
    state      JSONB       NOT NULL
);
CREATE INDEX agent_view_org ON agent_view (org_id, created_at, id);

CREATE TABLE trust_view (
    room_id         TEXT             NOT NULL,
    agent_id        TEXT             NOT NULL,
    org_id          TEXT             NOT NULL,
    score           DOUBLE PRECISION NOT NULL,
    total_check_ins BIGINT           NOT NULL DEFAULT 0,
    approved_count  BIGINT           NOT NULL DEFAULT 0,
    rejected_count  BIGINT           NOT NULL DEFAULT 0,
    modified_count  BIGINT           NOT NULL DEFAULT 0,
    expired_count   BIGINT           NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ,
    PRIMARY KEY (room_id, agent_id)
);

CREATE TABLE trust_view_check_ins (
    check_in_id TEXT PRIMARY KEY
);

CREATE TABLE trust_history (
    check_in_id TEXT             PRIMARY KEY,
    room_id     TEXT             NOT NULL,
    agent_id    TEXT             NOT NULL,
    at          TIMESTAMPTZ      NOT NULL,
    outcome     TEXT             NOT NULL,
    delta       DOUBLE PRECISION NOT NULL,
    score_after DOUBLE PRECISION NOT NULL
);
CREATE INDEX trust_history_agent ON trust_history (room_id, agent_id, at);
