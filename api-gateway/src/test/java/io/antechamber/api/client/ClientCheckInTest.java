package io.antechamber.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.TestApi;
import io.antechamber.client.AntechamberClient;
import io.antechamber.client.ApiException;
import io.antechamber.client.CheckIn;
import io.antechamber.client.CheckInRequest;
import io.antechamber.client.CheckInResult;
import io.antechamber.client.ConflictException;
import io.antechamber.client.ForbiddenException;
import io.antechamber.client.Me;
import io.antechamber.client.Message;
import io.antechamber.client.MessageRequest;
import io.antechamber.client.NotFoundException;
import io.antechamber.client.Page;
import io.antechamber.client.PageRequest;
import io.antechamber.client.PolicyForbidsException;
import io.antechamber.client.QueueFilter;
import io.antechamber.client.Receipt;
import io.antechamber.client.SubmitRequest;
import io.antechamber.client.TaskRequest;
import io.antechamber.client.TransportException;
import io.antechamber.client.UnauthorizedException;
import io.antechamber.client.ValidationException;
import io.antechamber.verify.VerificationFailure;
import io.antechamber.verify.VerifiedReceipt;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java client against the whole application over HTTP: check-ins, decisions, waits, tasks, threads, errors. */
class ClientCheckInTest extends IntegrationTest {

    private TestApi.Org org;
    private TestApi.Room room;
    private TestApi.Agent agentKey;
    private AntechamberClient agent;
    private AntechamberClient human;

    @BeforeEach
    void setUp() {
        org = api.newOrg();
        room = api.newRoom(org, "deploys");
        agentKey = api.memberAgent(org, room, "deployer");
        agent = client(agentKey.key());
        human = client(org.humanKey());
    }

    @Test
    void an_agent_checks_in_a_human_approves_and_the_waiting_agent_gets_the_decision() throws Exception {
        CheckIn created = agent.checkIns().create(room.slug(), CheckInRequest.builder("deploy v2 to production")
                .reason("release train").riskLevel("high").urgency("urgent").metadata(Map.of("service", "billing"))
                .timeoutMs(600_000L).timeoutAction("cancel").build());
        assertThat(created.id()).startsWith("ci_");
        assertThat(created.status()).isEqualTo("pending");
        assertThat(created.direction()).isEqualTo("agent_to_human");
        assertThat(created.riskLevel()).isEqualTo("high");
        assertThat(created.metadata()).containsEntry("service", "billing");
        assertThat(created.createdBy().id()).isEqualTo(agentKey.id());
        assertThat(created.policy().source()).isEqualTo("default");
        assertThat(created.expiresAt()).isAfter(created.createdAt());

        CompletableFuture<CheckIn> waiting = CompletableFuture.supplyAsync(
                () -> agent.checkIns().await(created.id(), Duration.ofSeconds(60)));
        assertThat(human.checkIns().queue(room.slug(), QueueFilter.pending(), PageRequest.first()).data())
                .extracting(CheckIn::id).contains(created.id());
        CheckIn approved = human.checkIns().approve(created.id(), "looks fine");

        CheckIn seen = waiting.get(30, TimeUnit.SECONDS);
        assertThat(seen.status()).isEqualTo("approved");
        assertThat(seen.decision().reason()).isEqualTo("looks fine");
        assertThat(seen.decision().by().id()).isEqualTo(org.ownerId());
        assertThat(approved.decision().outcome()).isEqualTo("approved");
        assertThat(agent.checkIns().status(created.id()).status()).isEqualTo("approved");
        assertThat(agent.checkIns().receipt(created.id()).receipt()).contains(".");
    }

    @Test
    void a_modification_reaches_the_agent_with_its_modifications() {
        CheckIn created = agent.checkIns().create(room.id(), CheckInRequest.of("scale to 10 replicas"));

        human.checkIns().modify(created.id(), Map.of("replicas", 4), "start smaller");

        CheckIn seen = agent.checkIns().await(created.id(), Duration.ofSeconds(5));
        assertThat(seen.status()).isEqualTo("modified");
        assertThat(seen.decision().modifications()).containsEntry("replicas", 4);
    }

    @Test
    void an_agent_withdraws_its_pending_check_in() {
        CheckIn created = agent.checkIns().create(room.slug(), CheckInRequest.of("drop the staging database"));

        assertThat(agent.checkIns().withdraw(created.id()).status()).isEqualTo("withdrawn");
    }

    @Test
    void a_repeated_create_with_the_same_idempotency_key_makes_one_check_in() {
        CheckIn first = agent.checkIns().create(room.slug(), CheckInRequest.of("rotate certificates"), "key-1");
        CheckIn again = agent.checkIns().create(room.slug(), CheckInRequest.of("rotate certificates"), "key-1");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(human.checkIns().queue(room.slug(), QueueFilter.any(), PageRequest.first()).data()).hasSize(1);
    }

    @Test
    void api_errors_arrive_as_typed_exceptions_with_code_status_and_request_id() {
        CheckIn created = agent.checkIns().create(room.slug(), CheckInRequest.of("restart the queue"));

        ForbiddenException forbidden = catchThrowableOfType(ForbiddenException.class,
                () -> agent.checkIns().approve(created.id(), null));
        assertThat(forbidden.code()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.requestId()).isNotBlank();

        NotFoundException missing = catchThrowableOfType(NotFoundException.class,
                () -> agent.checkIns().get("ci_doesnotexist1"));
        assertThat(missing.code()).isEqualTo("NOT_FOUND");
        assertThat(missing.status()).isEqualTo(404);

        ValidationException invalid = catchThrowableOfType(ValidationException.class,
                () -> agent.checkIns().create(room.slug(), CheckInRequest.builder("x").riskLevel("extreme").build()));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.details()).containsKey("fields");
        assertThat(invalid.details().get("fields").toString()).contains("risk_level");

        human.checkIns().reject(created.id(), "not now");
        ConflictException conflict = catchThrowableOfType(ConflictException.class,
                () -> human.checkIns().approve(created.id(), null));
        assertThat(conflict.code()).isEqualTo("CONFLICT");
        assertThat(conflict.status()).isEqualTo(409);

        String badKey = "ak_" + "0".repeat(40);
        UnauthorizedException unauthorized = catchThrowableOfType(UnauthorizedException.class,
                () -> client(badKey).me());
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.getMessage()).doesNotContain(badKey);
        assertThat(client(badKey).toString()).doesNotContain(badKey);
    }

    @Test
    void a_decision_receipt_verifies_against_the_servers_public_key_and_an_altered_one_does_not() throws Exception {
        CheckIn created = agent.checkIns().create(room.slug(), CheckInRequest.of("publish the release notes"));
        human.checkIns().approve(created.id(), "ship it");

        VerifiedReceipt verified = agent.receipts().verify(created.id());

        assertThat(verified.payload().path("check_in_id").asText()).isEqualTo(created.id());
        assertThat(verified.payload().path("outcome").asText()).isEqualTo("approved");
        Receipt receipt = agent.checkIns().receipt(created.id());
        ObjectNode altered = receipt.payload().deepCopy();
        altered.put("outcome", "rejected");
        assertThatThrownBy(() -> agent.receipts().verify(new Receipt(receipt.receipt(), altered)))
                .isInstanceOf(VerificationFailure.class).hasMessageContaining("outcome");
        assertThatThrownBy(() -> agent.receipts().verify(new Receipt(receipt.receipt().substring(1), null)))
                .isInstanceOf(VerificationFailure.class);
    }

    @Test
    void a_check_in_the_policy_forbids_names_the_rejected_check_in_and_the_rule() {
        forbidProduction();

        PolicyForbidsException forbidden = catchThrowableOfType(PolicyForbidsException.class,
                () -> agent.checkIns().create(room.slug(), CheckInRequest.of("wipe production")));

        assertThat(forbidden.code()).isEqualTo("POLICY_FORBIDS");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.ruleId()).isEqualTo("no-prod");
        assertThat(agent.checkIns().get(forbidden.checkInId()).status()).isEqualTo("rejected");
    }

    @Test
    void a_server_that_is_not_there_is_a_transport_error_not_an_api_error() {
        AntechamberClient nowhere = AntechamberClient.builder().baseUrl(URI.create("http://127.0.0.1:1"))
                .apiKey(agentKey.key()).build();

        assertThatThrownBy(nowhere::me).isInstanceOf(TransportException.class).isNotInstanceOf(ApiException.class)
                .hasMessageNotContaining(agentKey.key());
    }

    @Test
    void an_agent_works_a_task_from_open_to_approved_with_a_helper_and_a_thread() {
        TestApi.Agent helperKey = api.memberAgent(org, room, "helper");
        AntechamberClient helper = client(helperKey.key());
        CheckIn task = human.tasks().post(room.slug(), new TaskRequest("rotate the api keys", "quarterly",
                Map.of("ticket", "SEC-7"), "high", null));
        assertThat(task.status()).isEqualTo("open");

        Page<CheckIn> open = agent.tasks().listOpen(room.slug(), PageRequest.first());
        assertThat(open.data()).extracting(CheckIn::id).containsExactly(task.id());
        assertThat(agent.tasks().claim(task.id()).status()).isEqualTo("claimed");
        assertThat(agent.tasks().listOpen(room.slug(), PageRequest.first()).data()).isEmpty();
        agent.tasks().requestHelp(task.id(), "need a second pair of eyes");
        CheckIn joined = helper.tasks().join(task.id());
        assertThat(joined.participants()).extracting(p -> p.id() + ":" + p.role())
                .containsExactlyInAnyOrder(agentKey.id() + ":primary", helperKey.id() + ":helper");
        Message question = helper.messages().post(task.id(), MessageRequest.question("which keys first?"));
        assertThat(question.author().id()).isEqualTo(helperKey.id());
        CheckIn submitted = agent.tasks().submit(task.id(), SubmitRequest.of("all keys rotated"));
        assertThat(submitted.status()).isEqualTo("submitted");

        human.checkIns().approve(task.id(), "thanks");

        assertThat(agent.tasks().awaitReview(task.id(), Duration.ofSeconds(30)).status())
                .hasToString("APPROVED");
        Page<Message> thread = agent.messages().list(task.id(), PageRequest.first());
        assertThat(thread.data()).extracting(Message::type).contains("question", "result", "decision");
        assertThat(agent.messages().participants(task.id())).hasSize(2);
    }

    @Test
    void a_review_asking_for_changes_reaches_the_agent_waiting_on_its_submitted_task() throws Exception {
        CheckIn task = human.tasks().post(room.slug(), TaskRequest.of("write the migration guide"));
        agent.tasks().claim(task.id());
        agent.tasks().submit(task.id(), SubmitRequest.of("first draft"));

        CompletableFuture<CheckInResult> review = CompletableFuture.supplyAsync(
                () -> agent.tasks().awaitReview(task.id(), Duration.ofMinutes(1)));
        human.checkIns().modify(task.id(), Map.of("add", "a rollback section"), "almost");

        CheckInResult changes = review.get(60, TimeUnit.SECONDS);
        assertThat(changes.status()).isEqualTo(CheckInResult.Status.MODIFIED);
        assertThat(changes.checkIn().status()).isEqualTo("claimed");
        assertThat(changes.modifications()).containsEntry("add", "a rollback section");

        agent.tasks().submit(task.id(), SubmitRequest.of("second draft, with rollback"));
        CompletableFuture<CheckInResult> second = CompletableFuture.supplyAsync(
                () -> agent.tasks().awaitReview(task.id(), Duration.ofMinutes(1)));
        human.checkIns().reject(task.id(), "no longer needed");
        assertThat(second.get(60, TimeUnit.SECONDS).status()).isEqualTo(CheckInResult.Status.REJECTED);
    }

    @Test
    void check_in_and_wait_returns_the_decision_or_a_timeout_that_names_the_check_in() throws Exception {
        CompletableFuture<CheckInResult> waiting = CompletableFuture.supplyAsync(() -> agent.checkIns()
                .checkInAndWait(room.slug(), CheckInRequest.of("purge the cdn cache"), Duration.ofMinutes(2)));
        String id = api.eventually(http.get("/v1/rooms/" + room.id() + "/check-ins?status=pending")
                .auth(org.humanKey()), data -> data.size() == 1).get(0).get("id").asText();
        human.checkIns().reject(id, "peak hours");
        CheckInResult rejected = waiting.get(60, TimeUnit.SECONDS);
        assertThat(rejected.status()).isEqualTo(CheckInResult.Status.REJECTED);
        assertThat(rejected.reason()).isEqualTo("peak hours");
        assertThat(rejected.isApproved()).isFalse();

        CheckInResult timedOut = agent.checkIns().checkInAndWait(room.slug(), CheckInRequest.of("purge again"),
                Duration.ofSeconds(1));
        assertThat(timedOut.status()).isEqualTo(CheckInResult.Status.TIMED_OUT);
        assertThat(timedOut.checkInId()).startsWith("ci_");
        assertThat(agent.checkIns().withdraw(timedOut.checkInId()).status()).isEqualTo("withdrawn");
    }

    @Test
    void check_in_and_wait_answers_a_forbidden_check_in_as_rejected_and_throws_other_refusals() {
        forbidProduction();

        CheckInResult forbidden = agent.checkIns().checkInAndWait(room.slug(), CheckInRequest.of("wipe production"),
                Duration.ofSeconds(30));

        assertThat(forbidden.status()).isEqualTo(CheckInResult.Status.REJECTED);
        assertThat(forbidden.checkIn().policy().ruleId()).isEqualTo("no-prod");
        assertThatThrownBy(() -> agent.checkIns().checkInAndWait("no-such-room", CheckInRequest.of("x"),
                Duration.ofSeconds(30))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_client_says_who_it_is_and_lists_its_rooms() {
        Me me = agent.me();
        assertThat(me.type()).isEqualTo("agent");
        assertThat(me.id()).isEqualTo(agentKey.id());
        assertThat(me.orgId()).isEqualTo(org.id());
        assertThat(agent.rooms().list()).extracting(r -> r.slug()).contains("deploys");
        assertThat(agent.rooms().get("deploys").id()).isEqualTo(room.id());
    }

    private void forbidProduction() {
        api.putPolicy(org, room, Map.of("default_action", "require_approval", "default_timeout_ms", 3_600_000,
                "default_timeout_action", "cancel", "rules", List.of(Map.of("id", "no-prod", "effect", "forbid",
                        "conditions", List.of(Map.of("field", "action", "op", "contains", "value", "production"))))))
                .expect(200);
    }

    private AntechamberClient client(String key) {
        return AntechamberClient.builder().baseUrl(URI.create("http://127.0.0.1:" + http.port())).apiKey(key).build();
    }
}
