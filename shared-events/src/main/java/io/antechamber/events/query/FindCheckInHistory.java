package io.antechamber.events.query;

import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;

/** One page of the stored events of a check-in of the org, oldest first; none of another org's. */
public record FindCheckInHistory(OrgId orgId, CheckInId checkInId, PageRequest page) {
}
