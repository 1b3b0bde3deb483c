package io.antechamber.command.lookup;

import io.antechamber.events.common.ActorType;
import io.antechamber.events.identity.HumanRole;

/**
 * The holder of an API key. {@code orgId} is null for a self-registered agent not yet claimed; {@code role} is a
 * human's role, null for an agent.
 */
public record Credential(ActorType actorType, String actorId, String orgId, String name, boolean active,
        HumanRole role) {

    public boolean isAdmin() {
        return actorType == ActorType.HUMAN && role == HumanRole.ADMIN;
    }
}
