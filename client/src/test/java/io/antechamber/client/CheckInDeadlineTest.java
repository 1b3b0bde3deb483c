package io.antechamber.client;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A wait with a deadline ends soon after it even when the server accepts a call and then stalls: each call's HTTP
 * timeout is cut to what is left (plus a few seconds), not the client's 30-second request timeout on top. The bound
 * asserted (20 s for a 1 s wait) is far above the grace, and far below what a full request timeout would take.
 */
class CheckInDeadlineTest {

    private static final Duration FAR_BELOW_A_REQUEST_TIMEOUT = ofSeconds(20);

    private final LocalServer server = new LocalServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_wait_on_a_stalled_server_answers_timed_out_with_the_check_in_soon_after_max_wait() {
        server.on("/v1/rooms/ops/check-in", exchange -> LocalServer.answer(exchange, 201,
                LocalServer.checkIn("ci_1", "pending")));
        server.on("/v1/check-ins/ci_1/wait", exchange -> server.stall());
        AntechamberClient client = server.builder().requestTimeout(ofSeconds(30)).build();

        CheckInResult result = assertTimeoutPreemptively(FAR_BELOW_A_REQUEST_TIMEOUT,
                () -> client.checkIns().checkInAndWait("ops", CheckInRequest.of("deploy"), ofSeconds(1)));

        assertThat(result.status()).isEqualTo(CheckInResult.Status.TIMED_OUT);
        assertThat(result.checkInId()).isEqualTo("ci_1");
    }

    @Test
    void a_create_the_server_never_answers_ends_with_the_failure_soon_after_max_wait() {
        server.on("/v1/rooms/ops/check-in", exchange -> server.stall());
        AntechamberClient client = server.builder().requestTimeout(ofSeconds(30)).build();

        assertTimeoutPreemptively(FAR_BELOW_A_REQUEST_TIMEOUT, () -> assertThatThrownBy(() -> client.checkIns()
                .checkInAndWait("ops", CheckInRequest.of("deploy"), ofSeconds(1)))
                .isInstanceOf(TransportException.class));
    }

    @Test
    void a_review_wait_on_a_stalled_server_answers_timed_out_soon_after_max_wait() {
        server.on("/v1/check-ins/task_1", exchange -> LocalServer.answer(exchange, 200,
                LocalServer.checkIn("task_1", "submitted")));
        server.on("/v1/check-ins/task_1/wait", exchange -> server.stall());
        AntechamberClient client = server.builder().requestTimeout(ofSeconds(30)).build();

        CheckInResult result = assertTimeoutPreemptively(FAR_BELOW_A_REQUEST_TIMEOUT,
                () -> client.tasks().awaitReview("task_1", ofSeconds(1)));

        assertThat(result.status()).isEqualTo(CheckInResult.Status.TIMED_OUT);
        assertThat(result.checkInId()).isEqualTo("task_1");
    }
}
