package io.antechamber.api.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** At most 20 long-polls ({@code /wait}) per credential at once (waits.max-per-credential); beyond, 429. */
class WaitLimitTest extends IntegrationTest {

    private static final int MAX_WAITS = 20;

    @LocalServerPort
    private int port;

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agent;
    private ExecutorService clients;

    @BeforeEach
    void room() {
        org = api.newOrg();
        room = api.newRoom(org, "ops");
        agent = api.memberAgent(org, room, "deployer");
        clients = Executors.newFixedThreadPool(MAX_WAITS + 1);
    }

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void twenty_waits_of_one_credential_hold_the_twenty_first_is_rate_limited_and_a_new_one_is_accepted_after()
            throws Exception {
        String id = pendingCheckIn("deploy");

        List<CompletableFuture<Response>> waits = waitsAtOnce(id, MAX_WAITS + 1, 20_000);

        CompletableFuture.anyOf(waits.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        List<Response> refused = waits.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
        assertThat(refused).as("waits answered before any decision").hasSize(1);
        refused.get(0).expectError(429, "RATE_LIMITED");
        assertThat(refused.get(0).header("Retry-After")).isEqualTo("1");

        api.decide(org, id, "approve", null).expect(200);

        List<Response> answers = joinAll(waits);
        assertThat(answers).filteredOn(r -> r.status() == 200)
                .hasSize(MAX_WAITS)
                .allSatisfy(r -> assertThat(r.data().get("status").asText()).isEqualTo("approved"));
        String next = pendingCheckIn("deploy again");
        await("a new wait is accepted").atMost(Duration.ofSeconds(10))
                .until(() -> waitOnce(next, 300).status() == 200);
    }

    @Test
    void another_credential_is_not_limited_by_the_waits_of_the_first() throws Exception {
        String id = pendingCheckIn("deploy");
        List<CompletableFuture<Response>> waits = waitsAtOnce(id, MAX_WAITS + 1, 20_000);
        CompletableFuture.anyOf(waits.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        Response human = http.get("/v1/check-ins/" + id + "/wait?timeout_ms=300").auth(org.humanKey()).send();

        human.expect(200);
        api.decide(org, id, "approve", null).expect(200);
        joinAll(waits);
    }

    @Test
    void waits_that_time_out_give_their_slots_back() throws Exception {
        String id = pendingCheckIn("deploy");

        List<Response> answers = joinAll(waitsAtOnce(id, MAX_WAITS + 1, 2_000));

        assertThat(answers).filteredOn(r -> r.status() == 429).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 200)
                .hasSize(MAX_WAITS)
                .allSatisfy(r -> assertThat(r.data().get("status").asText()).isEqualTo("pending"));
        await("a new wait is accepted").atMost(Duration.ofSeconds(10))
                .until(() -> waitOnce(id, 300).status() == 200);
    }

    /** The servlet container hears of a hang-up only when it next writes: at the wait's timeout at the latest. */
    @Test
    void waits_whose_clients_hang_up_give_their_slots_back() throws Exception {
        String id = pendingCheckIn("deploy");
        List<Socket> hungUp = new ArrayList<>();
        for (int i = 0; i < MAX_WAITS; i++) {
            hungUp.add(rawWait(id, 3_000));
        }
        await("all its slots are held").pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10))
                .until(() -> waitOnce(id, 1).status() == 429);
        for (Socket socket : hungUp) {
            assertThat(socket.getInputStream().available()).as("bytes answered to a held wait").isZero();
        }

        for (Socket socket : hungUp) {
            socket.close();
        }

        await("a new wait is accepted").atMost(Duration.ofSeconds(30))
                .until(() -> waitOnce(id, 300).status() == 200);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private String pendingCheckIn(String action) {
        String id = api.pendingCheckIn(agent, room, action).get("id").asText();
        api.eventually(http.get("/v1/check-ins/" + id).auth(agent.key()), d -> true);
        return id;
    }

    private Response waitOnce(String id, long timeoutMs) {
        return http.get("/v1/check-ins/" + id + "/wait?timeout_ms=" + timeoutMs).auth(agent.key()).send();
    }

    private List<CompletableFuture<Response>> waitsAtOnce(String id, int count, long timeoutMs) {
        List<CompletableFuture<Response>> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(CompletableFuture.supplyAsync(() -> waitOnce(id, timeoutMs), clients));
        }
        return waits;
    }

    private static List<Response> joinAll(List<CompletableFuture<Response>> waits) throws Exception {
        List<Response> answers = new ArrayList<>();
        for (CompletableFuture<Response> wait : waits) {
            answers.add(wait.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    /** A wait sent on a socket of its own, which the test can close without reading the answer. */
    private Socket rawWait(String id, long timeoutMs) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /v1/check-ins/" + id + "/wait?timeout_ms=" + timeoutMs + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAuthorization: Bearer " + agent.key() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
