package io.antechamber.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retry rules of {@link CheckIns#checkInAndWait} that agents rely on, against a scripted server: what is waited
 * out and retried, what is thrown at once, and that an interrupt ends the wait.
 */
class RetryRulesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final LocalServer server = new LocalServer();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicInteger waits = new AtomicInteger();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_429_is_waited_out_for_its_retry_after_and_the_create_sent_again_with_the_same_key() {
        onCreate(attempt -> {
            if (attempt == 1) {
                return rateLimited();
            }
            return new Answer(201, LocalServer.checkIn("ci_1", "approved"));
        });

        CheckInResult result = server.client().checkIns().checkInAndWait("ops", CheckInRequest.of("deploy"),
                Duration.ofMinutes(1));

        assertThat(result.status()).isEqualTo(CheckInResult.Status.APPROVED);
        assertThat(result.checkInId()).isEqualTo("ci_1");
        assertThat(idempotencyKeys).hasSize(2).doesNotContainNull().containsOnly(idempotencyKeys.get(0));
    }

    @Test
    void server_errors_and_a_409_on_the_create_are_retried_then_the_wait_goes_on() {
        onCreate(attempt -> switch (attempt) {
            case 1 -> new Answer(503, "<html>bad gateway</html>");
            case 2 -> new Answer(500, "{\"error\":{\"code\":\"INTERNAL\",\"message\":\"oops\"}}");
            case 3 -> new Answer(409, "{\"error\":{\"code\":\"CONFLICT\",\"message\":\"in flight\"}}");
            default -> new Answer(201, LocalServer.checkIn("ci_1", "pending"));
        });
        onWait(attempt -> attempt == 1 ? new Answer(502, "")
                : new Answer(200, LocalServer.checkIn("ci_1", "rejected")));

        CheckInResult result = server.client().checkIns().checkInAndWait("ops", CheckInRequest.of("deploy"),
                Duration.ofMinutes(1));

        assertThat(result.status()).isEqualTo(CheckInResult.Status.REJECTED);
        assertThat(creates).hasValue(4);
        assertThat(waits).hasValue(2);
        assertThat(idempotencyKeys).containsOnly(idempotencyKeys.get(0));
    }

    @Test
    void another_4xx_on_the_create_is_thrown_at_once() {
        onCreate(attempt -> new Answer(400,
                "{\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"action is required\"}}"));

        Throwable thrown = catchThrowable(() -> server.client().checkIns().checkInAndWait("ops",
                CheckInRequest.of("deploy"), Duration.ofMinutes(1)));

        assertThat(thrown).isInstanceOf(ValidationException.class);
        assertThat(creates).hasValue(1);
    }

    @Test
    void a_409_or_403_on_the_wait_is_thrown_at_once_not_retried() {
        onCreate(attempt -> new Answer(201, LocalServer.checkIn("ci_1", "pending")));
        onWait(attempt -> new Answer(409, "{\"error\":{\"code\":\"CONFLICT\",\"message\":\"no\"}}"));

        Throwable thrown = catchThrowable(() -> server.client().checkIns().checkInAndWait("ops",
                CheckInRequest.of("deploy"), Duration.ofMinutes(1)));

        assertThat(thrown).isInstanceOf(ConflictException.class);
        assertThat(waits).hasValue(1);
    }

    @Test
    void an_interrupt_ends_a_check_in_and_wait_that_is_waiting_on_the_server() {
        onCreate(attempt -> new Answer(201, LocalServer.checkIn("ci_1", "pending")));
        server.on("/v1/check-ins/ci_1/wait", exchange -> {
            waits.incrementAndGet();
            server.stall();
        });

        Outcome outcome = runInThread(() -> server.client().checkIns().checkInAndWait("ops",
                CheckInRequest.of("deploy"), Duration.ofMinutes(10)));
        await().atMost(PATIENCE).until(() -> waits.get() == 1);
        outcome.thread.get().interrupt();

        await().atMost(PATIENCE).until(outcome.done::isDone);
        assertThat(outcome.done.join()).isInstanceOf(TransportException.class).hasMessageContaining("interrupted");
        assertThat(waits).hasValue(1);
    }

    @Test
    void an_interrupt_ends_a_check_in_and_wait_that_is_pausing_for_a_long_retry_after() {
        onCreate(attempt -> new Answer(503, "{\"error\":{\"code\":\"UNAVAILABLE\",\"message\":\"restarting\"}}",
                "3600"));

        Outcome outcome = runInThread(() -> server.client().checkIns().checkInAndWait("ops",
                CheckInRequest.of("deploy"), Duration.ofHours(2)));
        await().atMost(PATIENCE).until(() -> creates.get() == 1);
        outcome.thread.get().interrupt();

        await().atMost(PATIENCE).until(outcome.done::isDone);
        assertThat(outcome.done.join()).isInstanceOf(TransportException.class).hasMessageContaining("interrupted");
        assertThat(creates).hasValue(1);
    }

    private record Answer(int status, String body, String retryAfter) {
        Answer(int status, String body) {
            this(status, body, null);
        }
    }

    private interface Script {
        Answer answer(int attempt);
    }

    /** The thread a call runs on, and what it threw (null: it returned). */
    private record Outcome(AtomicReference<Thread> thread, CompletableFuture<Throwable> done) {
    }

    private static Answer rateLimited() {
        return new Answer(429, "{\"error\":{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\"}}", "1");
    }

    private void onCreate(Script script) {
        server.on("/v1/rooms/ops/check-in", exchange -> {
            idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            send(exchange, script.answer(creates.incrementAndGet()));
        });
    }

    private void onWait(Script script) {
        server.on("/v1/check-ins/ci_1/wait", exchange -> send(exchange, script.answer(waits.incrementAndGet())));
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer.retryAfter() != null) {
            exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
        }
        LocalServer.answer(exchange, answer.status(), answer.body());
    }

    private static Outcome runInThread(Runnable call) {
        AtomicReference<Thread> thread = new AtomicReference<>();
        CompletableFuture<Throwable> done = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                call.run();
                done.complete(null);
            } catch (Throwable failure) {
                done.complete(failure);
            }
        }, "check-in-and-wait");
        thread.set(runner);
        runner.start();
        return new Outcome(thread, done);
    }
}
