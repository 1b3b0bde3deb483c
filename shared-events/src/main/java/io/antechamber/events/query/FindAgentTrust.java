package io.antechamber.events.query;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;

/** One agent's trust in a room with the history of every adjustment. */
public record FindAgentTrust(OrgId orgId, RoomId roomId, AgentId agentId) {
}
