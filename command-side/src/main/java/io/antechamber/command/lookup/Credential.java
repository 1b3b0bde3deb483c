package io.antechamber.command.lookup;

import io.antechamber.events.common.ActorType;

/** The holder of an API key. {@code orgId} is null for a self-registered agent not yet claimed. */
public record Credential(ActorType actorType, String actorId, String orgId, String name, boolean active) {
}
