-- Roles (admin, reviewer) and the human view.

-- A human's role, for authentication and for "admins act in every room"; null for agents.
ALTER TABLE credentials ADD COLUMN role TEXT;

-- Humans stored before roles existed: the org's owner is an admin, everyone else a reviewer (fail closed), as their
-- HumanAdded events read without a role.
UPDATE credentials c SET role = CASE
        WHEN EXISTS (SELECT 1 FROM org_directory o WHERE o.owner_id = c.actor_id) THEN 'ADMIN'
        ELSE 'REVIEWER' END
    WHERE actor_type = 'HUMAN';

ALTER TABLE credentials ADD CONSTRAINT credentials_role_of_humans
    CHECK ((actor_type = 'HUMAN') = (role IS NOT NULL) AND (role IS NULL OR role IN ('ADMIN', 'REVIEWER')));

-- An org's active admins, for "may this human act in this room" on every decision.
CREATE INDEX credentials_org_admins ON credentials (org_id, actor_id) WHERE role = 'ADMIN' AND active;

CREATE TABLE human_view (
    id         TEXT        PRIMARY KEY,
    org_id     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL,
    state      JSON        NOT NULL
);
CREATE INDEX human_view_org ON human_view (org_id, created_at, id);
