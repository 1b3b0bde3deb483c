package io.antechamber.query.trust;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;

/**
 * The fields of a stored {@link CheckInCreated} that the trust view's rebuild counts with; the rest is skipped. Only
 * with {@code ignoreUnknown} does Jackson skip them: otherwise a record (built through its constructor) copies every
 * unknown field into a buffer first, metadata included, which cost more than reading the whole event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CreatedCheckIn(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor createdBy, Instant at) {
}
