package io.antechamber.events.room;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;

/** Events of the Room aggregate. */
public sealed interface RoomEvent permits RoomCreated, MemberAdded, MemberRemoved, PolicyUpdated {

    RoomId roomId();

    OrgId orgId();
}
