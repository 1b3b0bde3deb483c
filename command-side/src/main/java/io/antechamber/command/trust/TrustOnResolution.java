package io.antechamber.command.trust;

import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.trust.AdjustTrust;
import io.antechamber.events.trust.TrustLedgerId;
import io.antechamber.events.trust.TrustOutcome;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Turns a human's (or a cancelling timeout's) resolution into a trust adjustment. Runs in a subscribing processor, so
 * the adjustment commits in the same transaction as the resolution: both happen, or neither.
 * Approvals by the system (timeout auto-approvals) do not move trust; policy decisions at creation never reach here.
 */
@ProcessingGroup(TrustOnResolution.PROCESSING_GROUP)
public class TrustOnResolution {

    public static final String PROCESSING_GROUP = "trust-ledger";

    private final CommandGateway commands;

    public TrustOnResolution(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CheckInApproved event) {
        if (event.by().isHuman()) {
            adjust(event, TrustOutcome.APPROVED);
        }
    }

    @EventHandler
    void on(CheckInModified event) {
        adjust(event, TrustOutcome.MODIFIED);
    }

    @EventHandler
    void on(CheckInRejected event) {
        adjust(event, TrustOutcome.REJECTED);
    }

    @EventHandler
    void on(CheckInExpired event) {
        adjust(event, TrustOutcome.EXPIRED);
    }

    private void adjust(CheckInResolution event, TrustOutcome outcome) {
        commands.sendAndWait(new AdjustTrust(TrustLedgerId.of(event.roomId(), event.agentId()), event.roomId(),
                event.orgId(), event.agentId(), event.checkInId(), outcome));
    }
}
