-- Command-side lookup tables, written in the transaction that stores the events they follow.

CREATE TABLE org_directory (
    org_id   TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL
);

-- API keys by SHA-256 hash; plain keys are never stored. org_id is null for a self-registered agent not yet claimed.
CREATE TABLE credentials (
    key_hash   TEXT    PRIMARY KEY,
    actor_type TEXT    NOT NULL,
    actor_id   TEXT    NOT NULL UNIQUE,
    org_id     TEXT,
    name       TEXT    NOT NULL,
    active     BOOLEAN NOT NULL
);

CREATE TABLE agent_claim_tokens (
    token_hash TEXT PRIMARY KEY,
    agent_id   TEXT NOT NULL
);

CREATE TABLE room_directory (
    room_id        TEXT    PRIMARY KEY,
    org_id         TEXT    NOT NULL,
    slug           TEXT    NOT NULL,
    policy         TEXT    NOT NULL,
    policy_version INTEGER NOT NULL,
    CONSTRAINT room_directory_org_slug UNIQUE (org_id, slug)
);

CREATE TABLE room_members (
    room_id     TEXT NOT NULL,
    member_id   TEXT NOT NULL,
    member_type TEXT NOT NULL,
    PRIMARY KEY (room_id, member_id)
);

CREATE TABLE trust_scores (
    room_id  TEXT             NOT NULL,
    agent_id TEXT             NOT NULL,
    score    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (room_id, agent_id)
);
