package io.antechamber.client;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Human→agent tasks: a human posts one; an agent of the room claims it, asks for help, is joined, submits. */
public final class Tasks {

    /**
     * A reviewer's "modify" sends a submitted task back to {@code claimed}, which a {@code /wait} keeps holding on
     * (it ends only when the task no longer awaits action), so {@link #awaitReview} waits in slices this long.
     */
    static final Duration REVIEW_SLICE = Duration.ofSeconds(5);

    private final Transport transport;
    private final CheckIns checkIns;
    private final Supplier<Retrying> retrying;

    Tasks(Transport transport, CheckIns checkIns, Supplier<Retrying> retrying) {
        this.transport = transport;
        this.checkIns = checkIns;
        this.retrying = retrying;
    }

    /** {@code POST /v1/rooms/:room/tasks} (a human's key): the task, {@code open}. */
    public CheckIn post(String room, TaskRequest request) {
        return transport.data(transport.call("POST", Paths.room(room) + "/tasks", request), CheckIn.class);
    }

    /** The room's open tasks, oldest first. */
    public Page<CheckIn> listOpen(String room, PageRequest page) {
        return checkIns.queue(room, new QueueFilter("open", "human_to_agent", null), page);
    }

    /** {@code open} → {@code claimed}; the calling agent becomes its primary. 409 if it is not open. */
    public CheckIn claim(String id) {
        return move(id, "claim", null);
    }

    /** {@code claimed} → {@code open}, by the primary; primary and helpers are cleared. */
    public CheckIn release(String id) {
        return move(id, "release", null);
    }

    /** The primary asks the room's other agents for help ({@code checkin.help_requested}); the task as it is now. */
    public CheckIn requestHelp(String id, String description) {
        Map<String, Object> body = new HashMap<>();
        if (description != null) {
            body.put("description", description);
        }
        return move(id, "help", body);
    }

    /** Another agent of the room joins as a helper; 409 if no help was asked for or it already takes part. */
    public CheckIn join(String id) {
        return move(id, "join", null);
    }

    /** The primary submits the result (a {@code result} message in the thread): {@code claimed} → {@code submitted}. */
    public CheckIn submit(String id, SubmitRequest request) {
        return move(id, "submit", request);
    }

    /**
     * Waits, for at most {@code maxWait} and across failures as {@link CheckIns#checkInAndWait} does, for the human's
     * review of a submitted task: {@link CheckInResult.Status#APPROVED} (done), {@code REJECTED},
     * {@code MODIFIED} (the task is {@code claimed} again and the modifications are the changes asked for: rework and
     * submit again), {@code EXPIRED} or {@code WITHDRAWN}; else {@code TIMED_OUT} with the task's last state.
     */
    public CheckInResult awaitReview(String id, Duration maxWait) {
        Instant deadline = Instant.now().plus(maxWait);
        Retrying retry = retrying.get();
        CheckIn last = retry.call(() -> checkIns.get(id, deadline), deadline, false);
        Instant reviewedBefore = last.decision() == null ? null : last.decision().at();
        while (true) {
            CheckInResult review = review(last, reviewedBefore);
            if (review != null) {
                return review;
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return CheckInResult.timedOut(last);
            }
            Duration slice = left.compareTo(REVIEW_SLICE) > 0 ? REVIEW_SLICE : left;
            last = retry.attempt(() -> checkIns.awaitSlice(id, slice), deadline).orElse(last);
        }
    }

    /** The review {@code task} shows, if any: a final status, or a modification newer than the wait's start. */
    private static CheckInResult review(CheckIn task, Instant reviewedBefore) {
        if (!task.isAwaitingAction()) {
            return CheckInResult.resolved(task);
        }
        Decision decision = task.decision();
        boolean newlyModified = decision != null && "modified".equals(decision.outcome())
                && (reviewedBefore == null || decision.at().isAfter(reviewedBefore));
        return newlyModified ? new CheckInResult(CheckInResult.Status.MODIFIED, task.id(), task) : null;
    }

    private CheckIn move(String id, String verb, Object body) {
        return transport.data(transport.call("POST", Paths.checkIn(id) + "/" + verb, body == null ? Map.of() : body),
                CheckIn.class);
    }
}
