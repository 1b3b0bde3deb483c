package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;

/** Events of a human→agent task: posted, claimed, released, helped, submitted and decided. */
public sealed interface TaskEvent extends CheckInEvent permits TaskPosted, TaskClaimed, TaskReleased, HelpRequested,
        HelperJoined, ResultSubmitted, TaskApproved, TaskRejected, TaskModified {

    /** Who did it. */
    Actor by();
}
