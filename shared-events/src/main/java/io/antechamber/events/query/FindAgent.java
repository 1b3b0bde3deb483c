package io.antechamber.events.query;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.OrgId;

public record FindAgent(OrgId orgId, AgentId agentId) {
}
