package io.antechamber.events.identity;

import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import java.time.Instant;

/**
 * A human as the Organization's events make them (never their key); shared by the aggregate and the human view. The
 * org's owner is the human {@link OrganizationCreated} names, an admin from the start.
 */
public record HumanState(
        HumanId id,
        OrgId orgId,
        String name,
        String email,
        HumanRole role,
        HumanStatus status,
        Instant createdAt,
        Instant updatedAt) {

    /** The human an Organization event is about. */
    public static HumanId humanOf(OrganizationEvent event) {
        if (event instanceof OrganizationCreated e) {
            return e.ownerId();
        }
        return ((HumanEvent) event).humanId();
    }

    public static HumanState of(OrganizationEvent event, HumanState previous) {
        if (event instanceof OrganizationCreated e) {
            return new HumanState(e.ownerId(), e.orgId(), e.ownerName(), e.ownerEmail(), HumanRole.ADMIN,
                    HumanStatus.ACTIVE, e.at(), e.at());
        } else if (event instanceof HumanAdded e) {
            return new HumanState(e.humanId(), e.orgId(), e.name(), e.email(), e.role(), HumanStatus.ACTIVE, e.at(),
                    e.at());
        } else if (event instanceof HumanRoleChanged e) {
            return new HumanState(previous.id, previous.orgId, previous.name, previous.email, e.role(),
                    previous.status, previous.createdAt, e.at());
        } else if (event instanceof HumanKeyRotated e) {
            return new HumanState(previous.id, previous.orgId, previous.name, previous.email, previous.role,
                    previous.status, previous.createdAt, e.at());
        } else if (event instanceof HumanDeactivated e) {
            return new HumanState(previous.id, previous.orgId, previous.name, previous.email, previous.role,
                    HumanStatus.DEACTIVATED, previous.createdAt, e.at());
        }
        throw new IllegalArgumentException("unknown organization event " + event.getClass().getName());
    }

    public boolean isActive() {
        return status == HumanStatus.ACTIVE;
    }

    public boolean isActiveAdmin() {
        return isActive() && role == HumanRole.ADMIN;
    }
}
