package io.antechamber.command.lookup;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.RoomId;

/** An agent's current trust score in a room, as of the last committed adjustment (15 before any). */
public interface TrustScores {

    double scoreOf(RoomId roomId, AgentId agentId);
}
