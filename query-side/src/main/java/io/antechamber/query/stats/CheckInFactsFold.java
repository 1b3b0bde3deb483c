package io.antechamber.query.stats;

import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.common.Actor;
import io.antechamber.events.policy.PolicyDecision;

/**
 * The check-in facts' one fold, used by the live handler and by the rebuild: a check-in's row after one more event
 * of its stream. Only agent→human check-ins have rows ({@link CheckInCreated}); a check-in is resolved once, so a
 * resolution of a row that is no longer pending, or an event already folded in, changes nothing.
 */
final class CheckInFactsFold {

    static final String BY_POLICY = "policy";
    static final String BY_HUMAN = "human";
    static final String BY_TIMEOUT = "timeout";
    static final String BY_AGENT = "agent";

    private CheckInFactsFold() {
    }

    /** The row after {@code event}; {@code row} itself when the event changes nothing, null when there is no row. */
    static CheckInFact next(CheckInFact row, CheckInEvent event, long sequenceNumber) {
        if (event instanceof CheckInCreated created) {
            return row != null ? row : created(created, sequenceNumber);
        }
        if (!(event instanceof CheckInResolution resolution) || row == null
                || !CheckInFact.PENDING.equals(row.status())) {
            return row;
        }
        return resolved(row, resolution, sequenceNumber);
    }

    private static CheckInFact created(CheckInCreated e, long sequenceNumber) {
        PolicyDecision policy = e.policy();
        boolean decided = e.status() != CheckInStatus.PENDING;
        return new CheckInFact(e.checkInId().value(), e.orgId().value(), e.roomId().value(), e.createdBy().id(),
                e.action(), e.riskLevel() == null ? null : e.riskLevel().wire(),
                e.urgency() == null ? null : e.urgency().wire(), e.at(), policy.decision().wire(),
                policy.source().wire(), policy.ruleId(), policy.trustScore(), policy.policyVersion(),
                e.status().wire(), decided ? BY_POLICY : null, null, decided ? e.at() : null, decided ? 0L : null,
                e.status() == CheckInStatus.APPROVED ? policy.source().wire() : null, sequenceNumber);
    }

    private static CheckInFact resolved(CheckInFact row, CheckInResolution event, long sequenceNumber) {
        CheckInStatus status = statusAfter(event);
        String by = decider(event.by());
        String approvedBy = status == CheckInStatus.APPROVED || status == CheckInStatus.MODIFIED ? by : null;
        return row.resolved(status.wire(), by, event.by().id(), event.at(), approvedBy, sequenceNumber);
    }

    private static CheckInStatus statusAfter(CheckInResolution event) {
        if (event instanceof CheckInApproved) {
            return CheckInStatus.APPROVED;
        } else if (event instanceof CheckInRejected) {
            return CheckInStatus.REJECTED;
        } else if (event instanceof CheckInModified) {
            return CheckInStatus.MODIFIED;
        } else if (event instanceof CheckInExpired) {
            return CheckInStatus.EXPIRED;
        }
        return CheckInStatus.WITHDRAWN;
    }

    /** A check-in is resolved by a human, by its agent (a withdrawal), or by the system when its timeout fires. */
    private static String decider(Actor actor) {
        return actor.isHuman() ? BY_HUMAN : actor.isAgent() ? BY_AGENT : BY_TIMEOUT;
    }
}
