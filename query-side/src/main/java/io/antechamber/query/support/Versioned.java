package io.antechamber.query.support;

import java.util.function.UnaryOperator;

/**
 * A view row's state and the sequence number, in its aggregate's stream, of the last event folded into it. An event
 * at or below that number is one the row already has: a redelivered or caught-up event changes nothing.
 */
public record Versioned<S>(S state, long version) {

    public Versioned<S> next(long sequenceNumber, UnaryOperator<S> change) {
        return sequenceNumber > version ? new Versioned<>(change.apply(state), sequenceNumber) : this;
    }
}
