package io.antechamber.api.identity;

import io.antechamber.events.identity.HumanState;
import java.time.Instant;

/** A human as clients see it: with their role and status, never their key. */
public record HumanJson(String id, String orgId, String name, String email, String role, String status,
        Instant createdAt, Instant updatedAt) {

    public static HumanJson of(HumanState state) {
        return new HumanJson(state.id().value(), state.orgId().value(), state.name(), state.email(),
                state.role().wire(), state.status().wire(), state.createdAt(), state.updatedAt());
    }
}
