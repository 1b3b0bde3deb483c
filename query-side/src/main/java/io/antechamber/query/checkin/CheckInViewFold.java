package io.antechamber.query.checkin;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.TaskPosted;

/**
 * The check-in view's one fold, used by its live handler and by its rebuild: a check-in's or task's row after one
 * more event of its stream. The row is its {@link CheckInState}, with the sequence number of the last event folded in
 * as its version.
 */
final class CheckInViewFold {

    private CheckInViewFold() {
    }

    /** Whether the event starts a check-in's or a task's stream. */
    static boolean starts(CheckInEvent event) {
        return event instanceof CheckInCreated || event instanceof TaskPosted;
    }

    /**
     * The row after {@code event}: a new row for a creation when there is none; {@code row} itself when the event
     * changes nothing (a row that already has it, a message) or there is no row for it to change (null).
     */
    static CheckInState next(CheckInState row, CheckInEvent event, long sequenceNumber) {
        if (starts(event)) {
            if (row != null) {
                return row;
            }
            CheckInState first = event instanceof CheckInCreated created ? CheckInState.created(created)
                    : CheckInState.posted((TaskPosted) event);
            return first.withVersion(sequenceNumber);
        }
        if (row == null || event instanceof MessagePosted || sequenceNumber <= row.version()) {
            return row;
        }
        return row.apply(event).withVersion(sequenceNumber);
    }
}
