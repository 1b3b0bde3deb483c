package io.antechamber.query.trust;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.trust.TrustAdjusted;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * The trust view keeps one row per agent per room, fed by two aggregates' events (check-ins and the trust ledger).
 * Sequencing both by (room, agent) sends every event of a row to the same segment, so batches of different
 * segments never update the same rows — and cannot deadlock on them.
 */
public class PerAgentInRoom implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof TrustAdjusted adjusted) {
            return adjusted.roomId().value() + "/" + adjusted.agentId().value();
        }
        if (payload instanceof CheckInCreated created) {
            return created.roomId().value() + "/" + created.createdBy().id();
        }
        return event.getIdentifier();
    }
}
