package io.antechamber.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.AntechamberApplication;
import io.antechamber.api.support.Http;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.api.support.TestDatabase;
import io.antechamber.api.support.WebhookReceiver;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.watcher.RegisterWatcher;
import io.antechamber.events.watcher.WatcherId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With private targets not allowed, the address is checked again when the delivery connects: a watcher whose host
 * now resolves to a loopback address (it passed registration, then its DNS changed) is skipped, {@code failed}, and
 * {@code last_error} says why. The watcher is registered by command, as a rebound name would have been; the receiver
 * listens on loopback and must get nothing. On a database of its own, so no other test application delivers it.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = AntechamberApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"antechamber.admin-token=" + IntegrationTest.ADMIN_TOKEN,
                "antechamber.webhooks.allow-private-targets=false",
                "spring.datasource.hikari.maximum-pool-size=8"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PrivateTargetAtDeliveryTest {

    @LocalServerPort
    private int port;

    @Autowired
    private CommandGateway commands;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.freshProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void a_target_that_resolves_to_a_loopback_address_at_delivery_is_skipped_as_failed() throws Exception {
        Http http = new Http(port);
        TestApi api = new TestApi(http, IntegrationTest.ADMIN_TOKEN);
        TestApi.Org org = api.newOrg();
        TestApi.Room room = api.newRoom(org, "ops");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WatcherId watcher = WatcherId.generate();
            commands.sendAndWait(new RegisterWatcher(watcher, new RoomId(room.id()), new OrgId(org.id()),
                    Actor.human(new HumanId(org.ownerId())), receiver.url().replace("127.0.0.1", "localhost"),
                    List.of(), Map.of(), null));

            http.post("/v1/rooms/" + room.id() + "/signals", Map.of("type", "probe")).auth(org.humanKey()).send()
                    .expect(201);

            JsonNode delivery = api.eventually(http.get("/v1/watchers/" + watcher + "/deliveries")
                    .auth(org.humanKey()), data -> data.size() == 1
                    && data.get(0).get("status").asText().equals("failed"), Duration.ofSeconds(20)).get(0);
            assertThat(delivery.get("last_error").asText()).contains("loopback").contains("allow-private-targets");
            assertThat(delivery.get("response_status").isNull()).isTrue();
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(receiver.received()).isEmpty();
        }
    }
}
