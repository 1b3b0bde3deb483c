package io.antechamber.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A final status added by a newer server reads as OTHER, never approving, and keeps the check-in. */
class CheckInResultTest {

    private final LocalServer server = new LocalServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_wait_that_ends_in_a_status_this_client_does_not_know_answers_other_with_the_check_in() {
        server.on("/v1/rooms/ops/check-in", exchange -> LocalServer.answer(exchange, 201,
                LocalServer.checkIn("ci_1", "pending")));
        server.on("/v1/check-ins/ci_1/wait", exchange -> LocalServer.answer(exchange, 200,
                LocalServer.checkIn("ci_1", "escalated")));

        CheckInResult result = server.client().checkIns().checkInAndWait("ops", CheckInRequest.of("deploy"),
                Duration.ofMinutes(1));

        assertThat(result.status()).isEqualTo(CheckInResult.Status.OTHER);
        assertThat(result.isApproved()).isFalse();
        assertThat(result.isDecided()).isTrue();
        assertThat(result.modifications()).isNull();
        assertThat(result.checkInId()).isEqualTo("ci_1");
        assertThat(result.checkIn().status()).isEqualTo("escalated");
    }
}
