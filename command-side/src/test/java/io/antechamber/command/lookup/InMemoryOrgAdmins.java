package io.antechamber.command.lookup;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import java.util.HashSet;
import java.util.Set;

/** {@link OrgAdmins} held in a set, for aggregate fixtures. */
public final class InMemoryOrgAdmins implements OrgAdmins {

    private final Set<String> admins = new HashSet<>();

    public InMemoryOrgAdmins addAdmin(OrgId orgId, Actor admin) {
        admins.add(orgId.value() + "/" + admin.id());
        return this;
    }

    @Override
    public boolean isAdmin(OrgId orgId, Actor actor) {
        return actor.isHuman() && admins.contains(orgId.value() + "/" + actor.id());
    }
}
