package io.antechamber.api.identity;

import io.antechamber.events.identity.AgentState;
import java.time.Instant;

/** An agent as clients see it; {@code key_prefix} tells its keys apart, the key itself is never shown again. */
public record AgentJson(String id, String orgId, String name, String description, String status, String keyPrefix,
        Instant createdAt, Instant updatedAt) {

    public static AgentJson of(AgentState state) {
        return new AgentJson(state.id().value(), state.orgId() == null ? null : state.orgId().value(), state.name(),
                state.description(), state.status().wire(), state.keyPrefix(), state.createdAt(), state.updatedAt());
    }
}
