package io.antechamber.events.identity;

import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OrganizationCreated(OrgId orgId, String name, HumanId ownerId, String ownerName, String ownerEmail, String ownerKeyHash, Instant at) implements OrganizationEvent {
}
