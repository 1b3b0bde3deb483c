package io.antechamber.events.common;

/**
 * Why the domain refused a command, in the domain's own words. The API gateway maps each code, in one place, to an
 * HTTP status and an API error code; nothing here knows about HTTP.
 */
public enum RefusalCode {
    /** No such thing in the caller's organization (another org's things are indistinguishable from missing ones). */
    NOT_FOUND,
    /** The command's values are not acceptable; {@code details.fields} names each problem. */
    INVALID,
    /** The actor is not a member of the room the command acts in. */
    NOT_A_MEMBER,
    /** Only the actor that created the thing may do this. */
    NOT_THE_CREATOR,
    /** Only the task's primary may do this. */
    NOT_PRIMARY,
    /** Only the thread's participants and the room's humans may post to it. */
    NOT_A_PARTICIPANT,
    /** The actor's role does not allow this (a reviewer where an admin is needed). */
    NOT_PERMITTED,
    /** The thing is not in a status that allows this. */
    WRONG_STATUS,
    /** A task move on an agent's check-in. */
    NOT_A_TASK,
    /** The agent already takes part in the task. */
    ALREADY_PARTICIPANT,
    /** Joining a task whose primary asked for no help. */
    NO_HELP_REQUESTED,
    /** Adding a member the room already has. */
    ALREADY_MEMBER,
    /** Another room of the organization has this slug. */
    SLUG_TAKEN,
    /** The agent was claimed already. */
    ALREADY_CLAIMED,
    /** The agent or human is deactivated. */
    DEACTIVATED,
    /** The organization would be left without an admin. */
    LAST_ADMIN,
    /** A bounded collection is full (a room's watchers). */
    LIMIT_REACHED
}
