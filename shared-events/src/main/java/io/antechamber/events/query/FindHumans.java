package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;

public record FindHumans(OrgId orgId, PageRequest page) {
}
