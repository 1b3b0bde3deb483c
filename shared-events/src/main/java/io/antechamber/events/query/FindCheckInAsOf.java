package io.antechamber.events.query;

import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import java.time.Instant;

/** A check-in of the org as it was at {@code asOf}, rebuilt from its events; none before it existed. */
public record FindCheckInAsOf(OrgId orgId, CheckInId checkInId, Instant asOf) {
}
