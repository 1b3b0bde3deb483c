package io.antechamber.query.trust;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;

/** The fields of a stored {@link CheckInCreated} that the trust view's rebuild counts with; the rest is skipped. */
record CreatedCheckIn(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor createdBy, Instant at) {
}
