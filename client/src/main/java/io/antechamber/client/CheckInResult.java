package io.antechamber.client;

import java.util.Map;

/**
 * How a wait for a decision ended: the decision, or {@link Status#TIMED_OUT} when the wait gave up first. Always
 * names the check-in and carries the last state of it the client saw, so a timed-out wait can be resumed with
 * {@link CheckIns#await} or withdrawn.
 */
public record CheckInResult(Status status, String checkInId, CheckIn checkIn) {

    public enum Status {
        APPROVED, MODIFIED, REJECTED, EXPIRED, WITHDRAWN, TIMED_OUT
    }

    /** The result of a check-in that no longer awaits a decision. */
    static CheckInResult resolved(CheckIn checkIn) {
        Status status = switch (checkIn.status()) {
            case "approved" -> Status.APPROVED;
            case "modified" -> Status.MODIFIED;
            case "rejected" -> Status.REJECTED;
            case "expired" -> Status.EXPIRED;
            case "withdrawn" -> Status.WITHDRAWN;
            default -> throw new IllegalStateException("check-in " + checkIn.id() + " is " + checkIn.status()
                    + ", which is not a decision");
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
