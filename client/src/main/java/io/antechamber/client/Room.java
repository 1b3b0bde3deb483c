package io.antechamber.client;

import java.time.Instant;
import java.util.List;

/** A room of the organization; {@code slug} addresses it wherever an id does. */
public record Room(String id, String orgId, String slug, String name, String description, Actor createdBy,
        Instant createdAt, Instant updatedAt, Integer policyVersion, List<Member> members) {

    /** A member: {@code type} {@code agent} or {@code human}. */
    public record Member(String type, String id, Instant joinedAt) {
    }
}
