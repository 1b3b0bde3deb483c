package io.antechamber.client;

import java.util.Map;

/**
 * How a wait for a decision ended: the decision, or {@link Status#TIMED_OUT} when the wait gave up first. Always
 * names the check-in and carries the last state of it the client saw, so a timed-out wait can be resumed with
 * {@link CheckIns#await} or withdrawn.
 */
public record CheckInResult(Status status, String checkInId, CheckIn checkIn) {

    public enum Status {
        APPROVED, MODIFIED, REJECTED, EXPIRED, WITHDRAWN, TIMED_OUT,
        /**
         * A final status this client does not know (one a newer server added): not an approval, so do not go ahead;
         * {@code checkIn().status()} names it.
         */
        OTHER
    }

    /** The result of a check-in that no longer awaits a decision. */
    static CheckInResult resolved(CheckIn checkIn) {
        Status status = switch (checkIn.status()) {
            case "approved" -> Status.APPROVED;
            case "modified" -> Status.MODIFIED;
            case "rejected" -> Status.REJECTED;
            case "expired" -> Status.EXPIRED;
            case "withdrawn" -> Status.WITHDRAWN;
            // thrown, it would lose the check-in's id after the check-in was made
            default -> Status.OTHER;
        };
        return new CheckInResult(status, checkIn.id(), checkIn);
    }

    static CheckInResult timedOut(CheckIn lastSeen) {
        return new CheckInResult(Status.TIMED_OUT, lastSeen.id(), lastSeen);
    }

    /** Whether the wait ended with a decision (any status but {@link Status#TIMED_OUT}). */
    public boolean isDecided() {
        return status != Status.TIMED_OUT;
    }

    /** Whether the agent may go ahead: approved, or modified (then only as {@link #modifications()} say). */
    public boolean isApproved() {
        return status == Status.APPROVED || status == Status.MODIFIED;
    }

    /** The reviewer's modifications when {@link Status#MODIFIED}, else null. */
    public Map<String, Object> modifications() {
        return status == Status.MODIFIED && checkIn.decision() != null ? checkIn.decision().modifications() : null;
    }

    /** The reviewer's reason, or null. */
    public String reason() {
        return checkIn.decision() == null ? null : checkIn.decision().reason();
    }
}
