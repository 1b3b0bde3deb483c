package io.antechamber.query.human;

import io.antechamber.events.identity.HumanState;
import io.antechamber.events.identity.OrganizationEvent;
import io.antechamber.query.support.Versioned;

/**
 * The human view's one fold, used by its live handler and by its rebuild: the row of the human an Organization event
 * is about ({@link HumanState#humanOf}) after that event. Versions are sequence numbers in the org's stream.
 */
final class HumanViewFold {

    private HumanViewFold() {
    }

    /** The human's first event makes their row; {@code row} itself if it has the event already. */
    static Versioned<HumanState> next(Versioned<HumanState> row, OrganizationEvent event, long sequenceNumber) {
        if (row == null) {
            return new Versioned<>(HumanState.of(event, null), sequenceNumber);
        }
        return row.next(sequenceNumber, state -> HumanState.of(event, state));
    }
}
