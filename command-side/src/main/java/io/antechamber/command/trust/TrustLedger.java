package io.antechamber.command.trust;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.antechamber.events.trust.AdjustTrust;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.events.trust.TrustScore;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One agent's trust in one room. Every adjustment names the check-in it is for, and a check-in moves the score at
 * most once: a second adjustment for it changes nothing.
 */
class TrustLedger {

    @AggregateIdentifier
    private String ledgerId;
    private double score = TrustScore.INITIAL;
    private Set<String> adjustedCheckIns = new HashSet<>();

    TrustLedger() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AdjustTrust command) {
        if (adjustedCheckIns.contains(command.checkInId().value())) {
            return;
        }
        double after = TrustScore.after(score, command.outcome().delta());
        apply(new TrustAdjusted(command.ledgerId(), command.roomId(), command.orgId(), command.agentId(),
                command.checkInId(), command.outcome(), TrustScore.difference(after, score), after,
                GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(TrustAdjusted event) {
        ledgerId = event.ledgerId();
        score = event.scoreAfter();
        adjustedCheckIns.add(event.checkInId().value());
    }
}
