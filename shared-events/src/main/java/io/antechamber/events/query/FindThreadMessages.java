package io.antechamber.events.query;

import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;

/** A check-in's or task's thread, oldest first. */
public record FindThreadMessages(OrgId orgId, CheckInId checkInId, PageRequest page) {
}
