package io.antechamber.command.lookup;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;

/**
 * Rooms as the command side sees them: current policy, membership and slugs, kept in step with the Room events in
 * the same transaction, so no command decides on a stale policy or membership ({@link AgentsInRooms} reads the
 * policy).
 */
public interface RoomDirectory {

    /**
     * Whether the actor may act in the room: a member of it, or an active admin of its organization (admins act in
     * every room of their org; reviewers and agents only in the rooms they are members of).
     */
    boolean mayActIn(RoomId roomId, Actor actor);

    boolean slugTaken(OrgId orgId, String slug);
}
