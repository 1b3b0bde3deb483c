-- Sessions of people signed in to the web dashboard (docs/dashboard.md). The cookie carries a random id; only its
-- sha256 is kept, so a read of this table opens no session. key_hash names the human key the person signed in with
-- (the same hash as credentials.key_hash): every request looks it up again, so revoking the key or removing the human
-- ends the session at once. csrf_token is the synchronizer token every form and htmx request must send back.
CREATE TABLE dashboard_sessions (
    id_hash      TEXT        PRIMARY KEY,
    org_id       TEXT        NOT NULL,
    human_id     TEXT        NOT NULL,
    key_hash     TEXT        NOT NULL,
    csrf_token   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX dashboard_sessions_expiry ON dashboard_sessions (expires_at);
