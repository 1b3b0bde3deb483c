-- The audit log (API.md "Audit, history, analytics"; ADR 0019). One chain per organization: an org's auditor can
-- export and verify its whole log offline without seeing another org's entries. seq counts from 1 in each org and
-- the entry with seq n is leaf n-1 of the org's RFC 9162 Merkle tree.
--
-- Every column the API shows is kept exactly as it was hashed: `at` holds milliseconds only, `changes` is the RFC 8785
-- text of the change, and verify rebuilds each entry's canonical JSON from these columns.
CREATE TABLE audit_entries (
    org_id      TEXT        NOT NULL,
    seq         BIGINT      NOT NULL,
    id          TEXT        NOT NULL UNIQUE,
    event_id    TEXT        NOT NULL UNIQUE,
    at          TIMESTAMPTZ NOT NULL,
    actor_type  TEXT        NOT NULL,
    actor_id    TEXT,
    action      TEXT        NOT NULL,
    target_type TEXT        NOT NULL,
    target_id   TEXT        NOT NULL,
    room_id     TEXT,
    changes     TEXT        NOT NULL,
    prev_hash   BYTEA       NOT NULL,
    hash        BYTEA       NOT NULL,
    PRIMARY KEY (org_id, seq)
);

CREATE INDEX audit_entries_by_room   ON audit_entries (org_id, room_id, seq);
CREATE INDEX audit_entries_by_actor  ON audit_entries (org_id, actor_id, seq);
CREATE INDEX audit_entries_by_target ON audit_entries (org_id, target_id, seq);
CREATE INDEX audit_entries_by_action ON audit_entries (org_id, action, seq);
CREATE INDEX audit_entries_by_time   ON audit_entries (org_id, at);

-- Every perfect subtree of an org's Merkle tree of level >= 1 (2^level leaves starting at leaf idx * 2^level),
-- written by the appender in the transaction of the entry that completes it. Level 0 is sha256(0x00 || entry hash),
-- computed when read. A proof or a root at any size is O(log^2 n) lookups.
CREATE TABLE audit_tree_nodes (
    org_id TEXT     NOT NULL,
    level  SMALLINT NOT NULL,
    idx    BIGINT   NOT NULL,
    hash   BYTEA    NOT NULL,
    PRIMARY KEY (org_id, level, idx)
);

-- Signed tree heads: the key signs the UTF-8 bytes of "{size}\n{root_hash hex}\n{at}", `at` exactly as stored here.
CREATE TABLE audit_checkpoints (
    org_id    TEXT   NOT NULL,
    size      BIGINT NOT NULL,
    root_hash BYTEA  NOT NULL,
    at        TEXT   NOT NULL,
    key_id    TEXT   NOT NULL,
    signature BYTEA  NOT NULL,
    PRIMARY KEY (org_id, size)
);

-- Ed25519 keys that sign checkpoints and receipts. Every key ever used stays listed (its public half), so old
-- checkpoints and receipts still verify after a rotation. private_key (PKCS#8) is null for a key given by
-- ANTECHAMBER_SIGNING_KEY, which is never stored. retired_at is set when a newer key takes over.
CREATE TABLE signing_keys (
    key_id      TEXT        PRIMARY KEY,
    public_key  BYTEA       NOT NULL,
    private_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL,
    retired_at  TIMESTAMPTZ
);

-- Append-only, enforced by PostgreSQL itself: rows can be inserted, never changed, deleted or truncated.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tree_nodes_append_only BEFORE UPDATE OR DELETE ON audit_tree_nodes
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tree_nodes_no_truncate BEFORE TRUNCATE ON audit_tree_nodes
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
