package io.antechamber.events.checkin;

import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;

/** Events of the CheckIn aggregate; each names its check-in, room and org so projections need nothing else. */
public sealed interface CheckInEvent permits CheckInCreated, CheckInResolution, TaskEvent, MessagePosted {

    CheckInId checkInId();

    RoomId roomId();

    OrgId orgId();

    /** When the aggregate decided it: the instant every timestamp a check-in shows comes from. */
    Instant at();
}
