package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;

public record FindRooms(OrgId orgId, PageRequest page) {
}
