-- Self-registered agents nobody claims are removed after a while (antechamber.unclaimed-agents.max-age): the claim
-- tokens table says when each agent registered and whether it was claimed, so the removal task finds them.
-- Agents registered before this migration count from now: their registration time is in the event store only.
ALTER TABLE agent_claim_tokens ADD COLUMN registered_at TIMESTAMPTZ NOT NULL DEFAULT now();
ALTER TABLE agent_claim_tokens ADD COLUMN claimed BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE agent_claim_tokens ALTER COLUMN registered_at DROP DEFAULT;
ALTER TABLE agent_claim_tokens ALTER COLUMN claimed DROP DEFAULT;

UPDATE agent_claim_tokens t SET claimed = true
FROM credentials c
WHERE c.actor_id = t.agent_id AND c.org_id IS NOT NULL;

CREATE INDEX agent_claim_tokens_unclaimed ON agent_claim_tokens (registered_at, agent_id) WHERE NOT claimed;
