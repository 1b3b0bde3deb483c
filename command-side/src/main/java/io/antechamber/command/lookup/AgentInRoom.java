package io.antechamber.command.lookup;

/** An agent as a room sees it when the agent asks for a check-in: the room's settings, membership and trust score. */
public record AgentInRoom(RoomSettings room, boolean member, double trust) {
}
