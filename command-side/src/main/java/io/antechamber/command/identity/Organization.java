package io.antechamber.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.DomainException;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RefusalCode;
import io.antechamber.events.identity.AddHuman;
import io.antechamber.events.identity.ChangeHumanRole;
import io.antechamber.events.identity.CreateOrganization;
import io.antechamber.events.identity.DeactivateHuman;
import io.antechamber.events.identity.HumanAdded;
import io.antechamber.events.identity.HumanDeactivated;
import io.antechamber.events.identity.HumanKeyRotated;
import io.antechamber.events.identity.HumanRole;
import io.antechamber.events.identity.HumanRoleChanged;
import io.antechamber.events.identity.HumanState;
import io.antechamber.events.identity.OrganizationCreated;
import io.antechamber.events.identity.OrganizationEvent;
import io.antechamber.events.identity.RotateHumanKey;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An organization and the people in it, with their roles. Humans carry only the hash of their API key. The org is
 * the consistency boundary for roles: every change of a role or of who is active is decided on one stream, so two
 * racing demotions or removals can never leave the org without an active admin.
 */
class Organization {

    @AggregateIdentifier
    private OrgId id;
    private final Map<HumanId, HumanState> humans = new HashMap<>();

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
    HumanState handle(AddHuman command) {
        requireAdmin(command.by(), "add humans");
        apply(new HumanAdded(id, command.humanId(), command.name(), command.email(), command.role(),
                command.keyHash(), command.by(), GenericEventMessage.clock.instant()));
        return humans.get(command.humanId());
    }

    /** Setting the role a human already has changes nothing and is no error: the request is idempotent. */
    @CommandHandler
    HumanState handle(ChangeHumanRole command) {
        requireAdmin(command.by(), "change roles");
        HumanState human = requireActive(command.humanId());
        if (human.role() == command.role()) {
            return human;
        }
        if (command.role() != HumanRole.ADMIN) {
            requireAnotherAdminThan(human, "demoted");
        }
        apply(new HumanRoleChanged(id, human.id(), command.role(), command.by(), GenericEventMessage.clock.instant()));
        return humans.get(human.id());
    }

    @CommandHandler
    HumanState handle(RotateHumanKey command) {
        HumanState human = find(command.humanId());
        if (!isHuman(command.by(), human.id())) {
            requireAdmin(command.by(), "rotate another human's key");
        }
        requireActive(human.id());
        apply(new HumanKeyRotated(id, human.id(), command.keyHash(), command.by(), GenericEventMessage.clock.instant()));
        return humans.get(human.id());
    }

    @CommandHandler
    HumanState handle(DeactivateHuman command) {
        requireAdmin(command.by(), "remove humans");
        HumanState human = requireActive(command.humanId());
        requireAnotherAdminThan(human, "removed");
        apply(new HumanDeactivated(id, human.id(), command.by(), GenericEventMessage.clock.instant()));
        return humans.get(human.id());
    }

    private void requireAdmin(Actor by, String what) {
        HumanState human = by.isHuman() && HumanId.isValid(by.id()) ? humans.get(new HumanId(by.id())) : null;
        if (human == null || !human.isActiveAdmin()) {
            throw new DomainException(RefusalCode.NOT_PERMITTED, "only an admin of the organization may " + what);
        }
    }

    private void requireAnotherAdminThan(HumanState human, String verb) {
        boolean another = humans.values().stream().anyMatch(h -> h.isActiveAdmin() && !h.id().equals(human.id()));
        if (human.isActiveAdmin() && !another) {
            throw new DomainException(RefusalCode.LAST_ADMIN,
                    "the organization's last admin cannot be " + verb + "; make another human an admin first");
        }
    }

    private HumanState find(HumanId humanId) {
        HumanState human = humans.get(humanId);
        if (human == null) {
            throw DomainException.notFound("human");
        }
        return human;
    }

    private HumanState requireActive(HumanId humanId) {
        HumanState human = find(humanId);
        if (!human.isActive()) {
            throw new DomainException(RefusalCode.DEACTIVATED, "the human is deactivated");
        }
        return human;
    }

    private static boolean isHuman(Actor actor, HumanId humanId) {
        return actor.isHuman() && humanId.value().equals(actor.id());
    }

    @EventSourcingHandler
    void on(OrganizationEvent event) {
        if (event instanceof OrganizationCreated created) {
            id = created.orgId();
        }
        HumanId human = HumanState.humanOf(event);
        humans.put(human, HumanState.of(event, humans.get(human)));
    }
}
