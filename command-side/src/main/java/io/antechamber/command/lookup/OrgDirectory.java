package io.antechamber.command.lookup;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;

/** Organizations and who belongs to them, for checks on the command side. */
public interface OrgDirectory {

    boolean exists(OrgId orgId);

    /** Whether the actor is a human of the org, or an active agent claimed into it. */
    boolean hasActiveMember(OrgId orgId, Actor actor);
}
