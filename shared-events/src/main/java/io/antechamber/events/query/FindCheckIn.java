package io.antechamber.events.query;

import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;

public record FindCheckIn(OrgId orgId, CheckInId checkInId) {
}
