package io.antechamber.events.identity;

import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateOrganization(@TargetAggregateIdentifier OrgId orgId, String name, HumanId ownerId, String ownerName, String ownerEmail, String ownerKeyHash) {
}
