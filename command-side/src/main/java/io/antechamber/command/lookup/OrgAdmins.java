package io.antechamber.command.lookup;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;

/** Who administers an organization, for commands that its admins may give on others' things. */
public interface OrgAdmins {

    /** Whether the actor is an active human of the org with the admin role. */
    boolean isAdmin(OrgId orgId, Actor actor);
}
