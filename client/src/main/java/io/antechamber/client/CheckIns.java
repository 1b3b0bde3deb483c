package io.antechamber.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Agent→human check-ins: create, read, wait, withdraw; and the reviewer's side: decide, the queue, the receipt. */
public final class CheckIns {

    /** The longest single {@code /wait} the API holds. */
    public static final Duration MAX_SINGLE_WAIT = Duration.ofSeconds(60);

    /**
     * How far a call made inside a deadline may run past it: enough for an answer already on its way, small enough
     * that a caller with its own limit (an MCP host gives up after about 60 s) still gets the answer.
     */
    static final Duration DEADLINE_GRACE = Duration.ofSeconds(5);

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Transport transport;
    private final Supplier<Retrying> retrying;

    CheckIns(Transport transport, Supplier<Retrying> retrying) {
        this.transport = transport;
        this.retrying = retrying;
    }

    /**
     * {@code POST /v1/rooms/:room/check-in} with a fresh {@code Idempotency-Key}. A check-in the policy approves
     * at once comes back {@code approved}; one it forbids throws {@link PolicyForbidsException} (the check-in exists,
     * rejected, and the exception names it).
     */
    public CheckIn create(String room, CheckInRequest request) {
        return create(room, request, newIdempotencyKey());
    }

    /** As {@link #create(String, CheckInRequest)}, with the caller's key: a repeat with it returns the first answer. */
    public CheckIn create(String room, CheckInRequest request, String idempotencyKey) {
        return create(room, request, idempotencyKey, transport.requestTimeout());
    }

    private CheckIn create(String room, CheckInRequest request, String idempotencyKey, Duration timeout) {
        JsonNode answer = transport.call("POST", Paths.room(room) + "/check-in", request,
                Map.of(IDEMPOTENCY_KEY, idempotencyKey), timeout);
        return transport.data(answer, CheckIn.class);
    }

    public CheckIn get(String id) {
        return get(id, transport.requestTimeout());
    }

    /** {@link #get(String)} as a step of a wait that ends at {@code deadline}. */
    CheckIn get(String id, Instant deadline) {
        return get(id, within(deadline));
    }

    private CheckIn get(String id, Duration timeout) {
        return transport.data(transport.call("GET", Paths.checkIn(id), null, Map.of(), timeout), CheckIn.class);
    }

    public CheckInStatus status(String id) {
        return transport.data(transport.call("GET", Paths.checkIn(id) + "/status", null), CheckInStatus.class);
    }

    /**
     * One long-poll ({@code GET /wait}): answers as soon as the check-in no longer awaits action, or after
     * {@code timeout} (at most {@link #MAX_SINGLE_WAIT}) with its state then. No retries; see
     * {@link #checkInAndWait} for a wait that outlives failures.
     */
    public CheckIn await(String id, Duration timeout) {
        if (timeout.isNegative() || timeout.compareTo(MAX_SINGLE_WAIT) > 0) {
            throw new IllegalArgumentException("a single wait is 0.." + MAX_SINGLE_WAIT.toSeconds() + " s");
        }
        return await(id, timeout, timeout.plus(transport.requestTimeout()));
    }

    /**
     * One {@code /wait} of {@code slice} as a step of a longer wait: the HTTP timeout is the slice plus at most
     * {@link #DEADLINE_GRACE}, so with a slice that ends by the deadline the call ends soon after it too.
     */
    CheckIn awaitSlice(String id, Duration slice) {
        Duration grace = transport.requestTimeout().compareTo(DEADLINE_GRACE) < 0 ? transport.requestTimeout()
                : DEADLINE_GRACE;
        return await(id, slice, slice.plus(grace));
    }

    private CheckIn await(String id, Duration timeout, Duration httpTimeout) {
        String path = Paths.withQuery(Paths.checkIn(id) + "/wait", Map.of("timeout_ms",
                Long.toString(timeout.toMillis())));
        return transport.data(transport.call("GET", path, null, Map.of(), httpTimeout), CheckIn.class);
    }

    /**
     * Creates a check-in and waits for its decision, for at most {@code maxWait}, across failures: the create is sent
     * with one {@code Idempotency-Key} however often it is retried, so the server makes one check-in at most; then
     * {@code /wait} is called again and again (each call at most 60 s and never past {@code maxWait}). Every call's
     * HTTP timeout is cut to what is left of {@code maxWait}, plus at most {@link #DEADLINE_GRACE}, so a stalled
     * server cannot keep the caller much past {@code maxWait}. Network errors,
     * a server that is restarting, 5xx and 429 (after its {@code Retry-After}) are retried with exponential backoff and
     * jitter; other 4xx are thrown.
     * <p>
     * A check-in the room's policy forbids is answered {@link CheckInResult.Status#REJECTED} rather than thrown: it
     * exists, rejected by the policy, and the agent needs the same "do not go ahead" it would get from a reviewer (the
     * policy's rule is in {@code checkIn().policy()}). A wait that outlasts {@code maxWait} answers
     * {@link CheckInResult.Status#TIMED_OUT} with the check-in's id, to wait on again or withdraw. If the check-in
     * could not even be created before {@code maxWait} ran out, the last failure is thrown.
     */
    public CheckInResult checkInAndWait(String room, CheckInRequest request, Duration maxWait) {
        return checkInAndWait(room, request, maxWait, newIdempotencyKey());
    }

    /**
     * As {@link #checkInAndWait(String, CheckInRequest, Duration)}, creating with the caller's
     * {@code Idempotency-Key}: a caller that retries the whole call (after its own timeout, or a restart) with the
     * same key and request waits on the check-in the first call made instead of making a second one. The key is the
     * caller's credential's for 24 h; with another request it answers {@link ConflictException}.
     */
    public CheckInResult checkInAndWait(String room, CheckInRequest request, Duration maxWait, String idempotencyKey) {
        Instant deadline = Instant.now().plus(maxWait);
        Retrying retry = retrying.get();
        CheckIn created;
        try {
            created = retry.call(() -> create(room, request, idempotencyKey, within(deadline)), deadline, true);
        } catch (PolicyForbidsException forbidden) {
            return CheckInResult.resolved(retry.call(() -> get(forbidden.checkInId(), deadline), deadline, false));
        }
        return waitForDecision(created, deadline, retry);
    }

    private CheckInResult waitForDecision(CheckIn created, Instant deadline, Retrying retry) {
        CheckIn last = created;
        while (last.isAwaitingAction()) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return CheckInResult.timedOut(last);
            }
            Duration slice = left.compareTo(MAX_SINGLE_WAIT) > 0 ? MAX_SINGLE_WAIT : left;
            last = retry.attempt(() -> awaitSlice(created.id(), slice), deadline).orElse(last);
        }
        return CheckInResult.resolved(last);
    }

    /** {@code DELETE /v1/check-ins/:id} by the agent that created it: a pending check-in becomes withdrawn. */
    public CheckIn withdraw(String id) {
        return transport.data(transport.call("DELETE", Paths.checkIn(id), null), CheckIn.class);
    }

    /** A human approves a pending check-in (or a submitted task). */
    public CheckIn approve(String id, String reason) {
        return decide(id, "approve", reasonBody(reason));
    }

    public CheckIn reject(String id, String reason) {
        return decide(id, "reject", reasonBody(reason));
    }

    /** A human approves with changes: the agent is to act as {@code modifications} say. */
    public CheckIn modify(String id, Map<String, Object> modifications, String reason) {
        Map<String, Object> body = reasonBody(reason);
        body.put("modifications", modifications);
        return decide(id, "modify", body);
    }

    /** {@code GET /v1/rooms/:room/check-ins}: the room's check-ins and tasks, oldest first. */
    public Page<CheckIn> queue(String room, QueueFilter filter, PageRequest page) {
        Map<String, String> query = new HashMap<>(filter.query());
        query.putAll(page.query());
        return transport.page(transport.call("GET", Paths.withQuery(Paths.room(room) + "/check-ins", query), null),
                CheckIn.class);
    }

    /** The signed receipt of a resolved check-in (409 while it is pending); check it with {@link ReceiptCheck}. */
    public Receipt receipt(String id) {
        return transport.data(transport.call("GET", Paths.checkIn(id) + "/receipt", null), Receipt.class);
    }

    private CheckIn decide(String id, String verb, Map<String, Object> body) {
        return transport.data(transport.call("POST", Paths.checkIn(id) + "/" + verb, body), CheckIn.class);
    }

    private static Map<String, Object> reasonBody(String reason) {
        Map<String, Object> body = new HashMap<>();
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    /** The request timeout, cut to what is left until {@code deadline} plus the grace. */
    private Duration within(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        // a last attempt once the deadline was reached while pausing still gets the grace
        Duration latest = (left.isNegative() ? Duration.ZERO : left).plus(DEADLINE_GRACE);
        return latest.compareTo(transport.requestTimeout()) < 0 ? latest : transport.requestTimeout();
    }

    static String newIdempotencyKey() {
        return "ci-" + UUID.randomUUID();
    }
}
