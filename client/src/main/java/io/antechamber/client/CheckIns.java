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
        JsonNode answer = transport.call("POST", Paths.room(room) + "/check-in", request,
                Map.of(IDEMPOTENCY_KEY, idempotencyKey), transport.requestTimeout());
        return transport.data(answer, CheckIn.class);
    }

    public CheckIn get(String id) {
        return transport.data(transport.call("GET", Paths.checkIn(id), null), CheckIn.class);
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
        String path = Paths.withQuery(Paths.checkIn(id) + "/wait", Map.of("timeout_ms",
                Long.toString(timeout.toMillis())));
        JsonNode answer = transport.call("GET", path, null, Map.of(),
                timeout.plus(transport.requestTimeout()));
        return transport.data(answer, CheckIn.class);
    }

    /**
     * Creates a check-in and waits for its decision, for at most {@code maxWait}, across failures: the create is sent
     * with one {@code Idempotency-Key} however often it is retried, so the server makes one check-in at most; then
     * {@code /wait} is called again and again (each call at most 60 s and never past {@code maxWait}). Network errors,
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
            created = retry.call(() -> create(room, request, idempotencyKey), deadline, true);
        } catch (PolicyForbidsException forbidden) {
            return CheckInResult.resolved(retry.call(() -> get(forbidden.checkInId()), deadline, false));
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
            last = retry.attempt(() -> await(created.id(), slice), deadline).orElse(last);
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

    static String newIdempotencyKey() {
        return "ci-" + UUID.randomUUID();
    }
}
