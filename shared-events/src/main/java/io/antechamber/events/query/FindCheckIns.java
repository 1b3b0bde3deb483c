package io.antechamber.events.query;

import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.Direction;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.RiskLevel;

/** A room's check-ins, oldest first; a null filter matches everything. */
public record FindCheckIns(OrgId orgId, RoomId roomId, CheckInStatus status, Direction direction, RiskLevel riskLevel,
        PageRequest page) {
}
