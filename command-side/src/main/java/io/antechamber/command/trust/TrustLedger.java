package io.antechamber.command.trust;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.antechamber.events.trust.AdjustTrust;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.events.trust.TrustScore;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One agent's trust in one room: its identifier and score, nothing that grows with its history, so its snapshot
 * stays small. Every adjustment names the check-in it is for, and a check-in moves the score at most once: the
 * ledger does not remember which check-ins it adjusted for, the primary key of {@code trust_adjustments}
 * (JdbcTrustAdjustments) does, written in the transaction of the adjustment. A second adjustment for a check-in is
 * therefore refused with its whole transaction. No legitimate path sends one: a check-in is resolved once, in the
 * transaction of its adjustment (TrustOnResolution), and a timeout arriving after a decision changes nothing.
 * Snapshots stored while the ledger still kept its set of check-ins load as well: unknown properties are ignored.
 */
class TrustLedger {

    @AggregateIdentifier
    private String ledgerId;
    private double score = TrustScore.INITIAL;

    TrustLedger() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AdjustTrust command) {
        double after = TrustScore.after(score, command.outcome().delta());
        apply(new TrustAdjusted(command.ledgerId(), command.roomId(), command.orgId(), command.agentId(),
                command.checkInId(), command.outcome(), TrustScore.difference(after, score), after,
                GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(TrustAdjusted event) {
        ledgerId = event.ledgerId();
        score = event.scoreAfter();
    }
}
