package io.antechamber.events.identity;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;

/** Claims a self-registered agent into the caller's org; the agent is found by the hash of its claim token. */
public record ClaimAgent(String claimTokenHash, OrgId orgId, Actor by) {
}
