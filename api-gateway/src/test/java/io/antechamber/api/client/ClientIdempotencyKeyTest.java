package io.antechamber.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.client.AntechamberClient;
import io.antechamber.client.CheckInRequest;
import io.antechamber.client.CheckInResult;
import io.antechamber.client.ConflictException;
import io.antechamber.client.PageRequest;
import io.antechamber.client.QueueFilter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * checkInAndWait with the caller's own Idempotency-Key: a program that retries the whole call gets the check-in the
 * first call made, and its decision, never a second one.
 */
class ClientIdempotencyKeyTest extends IntegrationTest {

    private TestApi.Org org;
    private TestApi.Room room;
    private AntechamberClient agent;

    @BeforeEach
    void setUp() {
        org = api.newOrg();
        room = api.newRoom(org, "deploys");
        agent = AntechamberClient.builder().baseUrl(URI.create("http://127.0.0.1:" + http.port()))
                .apiKey(api.memberAgent(org, room, "deployer").key()).build();
    }

    @Test
    void a_retried_call_with_the_same_key_waits_on_the_first_check_in() {
        CheckInRequest request = CheckInRequest.of("rotate the signing key");
        CheckInResult first = agent.checkIns().checkInAndWait(room.slug(), request, Duration.ofSeconds(1), "rotate-1");
        assertThat(first.status()).isEqualTo(CheckInResult.Status.TIMED_OUT);

        api.decide(org, first.checkInId(), "approve", null).expect(200);
        CheckInResult retried = agent.checkIns().checkInAndWait(room.slug(), request, Duration.ofSeconds(30),
                "rotate-1");

        assertThat(retried.checkInId()).isEqualTo(first.checkInId());
        assertThat(retried.status()).isEqualTo(CheckInResult.Status.APPROVED);
        assertThat(agent.checkIns().queue(room.slug(), QueueFilter.any(), PageRequest.first(10)).data())
                .extracting(checkIn -> checkIn.id()).containsExactly(first.checkInId());
    }

    @Test
    void the_same_key_with_another_request_is_a_conflict_at_once_not_retried_until_the_wait_runs_out()
            throws Exception {
        agent.checkIns().checkInAndWait(room.slug(), CheckInRequest.of("restart the api"), Duration.ZERO, "restart-1");

        CompletableFuture<CheckInResult> other = CompletableFuture.supplyAsync(() -> agent.checkIns()
                .checkInAndWait(room.slug(), CheckInRequest.of("restart the db"), Duration.ofMinutes(10), "restart-1"));

        ExecutionException failed = catchThrowableOfType(ExecutionException.class,
                () -> other.get(60, TimeUnit.SECONDS));
        assertThat(failed.getCause()).isInstanceOf(ConflictException.class);
        assertThat(((ConflictException) failed.getCause()).apiMessage()).contains("different request");
    }
}
