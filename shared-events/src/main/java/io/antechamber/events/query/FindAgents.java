package io.antechamber.events.query;

import io.antechamber.events.common.OrgId;

public record FindAgents(OrgId orgId, PageRequest page) {
}
