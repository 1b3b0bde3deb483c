package io.antechamber.command.lookup;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.RoomId;
import java.util.Optional;

/**
 * What deciding on a new check-in needs from the lookup tables, as of the last committed command: empty for an
 * unknown room, otherwise the room's current policy, whether the agent is a member and its trust score there (15
 * before any adjustment).
 */
public interface AgentsInRooms {

    Optional<AgentInRoom> find(RoomId roomId, AgentId agentId);
}
