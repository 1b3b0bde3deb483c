package io.antechamber.query.trust;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;

/**
 * The fields of a {@link CheckInCreated} the trust view folds; the rebuild reads stored events as this record and
 * skips the rest. Only with {@code ignoreUnknown} does Jackson skip them: otherwise a record (built through its
 * constructor) copies every unknown field into a buffer first, metadata included, which cost more than reading the
 * whole event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CreatedCheckIn(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor createdBy, Instant at) {

    static CreatedCheckIn of(CheckInCreated event) {
        return new CreatedCheckIn(event.checkInId(), event.roomId(), event.orgId(), event.createdBy(), event.at());
    }
}
