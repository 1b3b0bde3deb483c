package io.antechamber.command.lookup;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** An {@link OrgDirectory} held in maps; an org's owner is one of its active members. */
public final class InMemoryOrgDirectory implements OrgDirectory {

    private final Map<OrgId, HumanId> owners = new HashMap<>();
    private final Map<OrgId, Set<Actor>> members = new HashMap<>();

    public InMemoryOrgDirectory addOrg(OrgId orgId, HumanId owner) {
        owners.put(orgId, owner);
        return addMember(orgId, Actor.human(owner));
    }

    public InMemoryOrgDirectory addMember(OrgId orgId, Actor member) {
        members.computeIfAbsent(orgId, id -> new HashSet<>()).add(member);
        return this;
    }

    @Override
    public boolean exists(OrgId orgId) {
        return owners.containsKey(orgId);
    }

    @Override
    public boolean hasActiveMember(OrgId orgId, Actor actor) {
        return members.getOrDefault(orgId, Set.of()).contains(actor);
    }
}
