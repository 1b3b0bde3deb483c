package io.antechamber.events.room;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * {@code ownerId}: the org's owner, who joined every room created before roles existed besides its creator; null
 * for rooms created since, which only their creator joins (the org's admins act in every room without joining).
 */
@Revision("1")
public record RoomCreated(RoomId roomId, OrgId orgId, String slug, String name, String description, Actor createdBy, HumanId ownerId, Policy policy, int policyVersion, Instant at) implements RoomEvent {
}
