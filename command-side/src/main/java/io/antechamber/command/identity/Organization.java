package io.antechamber.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.identity.AddHuman;
import io.antechamber.events.identity.CreateOrganization;
import io.antechamber.events.identity.HumanAdded;
import io.antechamber.events.identity.OrganizationCreated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** An organization and the people in it. Humans carry only the hash of their API key. */
class Organization {

    @AggregateIdentifier
    private OrgId id;

    Organization() {
        // for Axon
    }

    @CommandHandler
    Organization(CreateOrganization command) {
        apply(new OrganizationCreated(command.orgId(), command.name(), command.ownerId(), command.ownerName(),
                command.ownerEmail(), command.ownerKeyHash(), GenericEventMessage.clock.instant()));
    }

    /** Routed by the caller's org id, so a human is only ever added to the caller's own org. */
    @CommandHandler
    void handle(AddHuman command) {
        apply(new HumanAdded(id, command.humanId(), command.name(), command.email(), command.keyHash(), command.by(),
                GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(OrganizationCreated event) {
        id = event.orgId();
    }
}
