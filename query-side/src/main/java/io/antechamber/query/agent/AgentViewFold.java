package io.antechamber.query.agent;

import io.antechamber.events.identity.AgentEvent;
import io.antechamber.events.identity.AgentState;
import io.antechamber.query.support.Versioned;

/** The agent view's one fold, used by its live handler and by its rebuild: an agent's row after one more event. */
final class AgentViewFold {

    private AgentViewFold() {
    }

    /** The agent's first event makes its row; {@code row} itself if it has the event already. */
    static Versioned<AgentState> next(Versioned<AgentState> row, AgentEvent event, long sequenceNumber) {
        if (row == null) {
            return new Versioned<>(AgentState.of(event, null), sequenceNumber);
        }
        return row.next(sequenceNumber, state -> AgentState.of(event, state));
    }
}
