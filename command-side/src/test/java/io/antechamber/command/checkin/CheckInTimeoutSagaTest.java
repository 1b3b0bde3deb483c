package io.antechamber.command.checkin;

import io.antechamber.command.checkin.CheckInTimeoutSaga.Expiry;
import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInResolution;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.CheckInWithdrawn;
import io.antechamber.events.checkin.TimeOutCheckIn;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.DecisionSource;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckInTimeoutSagaTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final Duration TIMEOUT = Duration.ofHours(1);
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final AgentId AGENT = new AgentId("agt_builder0001");
    private static final Actor REVIEWER = Actor.human(new HumanId("hum_reviewer001"));
    private static final CheckInId CHECK_IN = new CheckInId("ci_checkin00001");

    private SagaTestFixture<CheckInTimeoutSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(CheckInTimeoutSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void a_pending_check_in_with_an_expiry_schedules_its_timeout_at_the_expiry() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(pending(TimeoutAction.CANCEL, NOW.plus(TIMEOUT)))
                .expectActiveSagas(1)
                .expectAssociationWith("checkInId", CHECK_IN)
                .expectScheduledDeadline(TIMEOUT, new Expiry(CHECK_IN))
                .expectScheduledDeadlineWithName(TIMEOUT, CheckInTimeoutSaga.DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void before_the_expiry_nothing_is_sent() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(pending(TimeoutAction.CANCEL, NOW.plus(TIMEOUT)))
                .whenTimeElapses(TIMEOUT.minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1)
                .expectScheduledDeadline(Duration.ofSeconds(1), new Expiry(CHECK_IN));
    }

    @Test
    void when_the_expiry_passes_the_saga_times_the_check_in_out_and_ends() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(pending(TimeoutAction.CANCEL, NOW.plus(TIMEOUT)))
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectTriggeredDeadlines(new Expiry(CHECK_IN))
                .expectDispatchedCommands(new TimeOutCheckIn(CHECK_IN))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void the_same_timeout_is_sent_whatever_the_timeout_action_since_the_check_in_decides_what_it_means() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(pending(TimeoutAction.AUTO_APPROVE, NOW.plus(TIMEOUT)))
                .whenTimeAdvancesTo(NOW.plus(TIMEOUT))
                .expectDispatchedCommands(new TimeOutCheckIn(CHECK_IN))
                .expectActiveSagas(0);
    }

    static Stream<Arguments> resolutions() {
        return Stream.of(
                Arguments.of("approved", new CheckInApproved(CHECK_IN, ROOM, ORG, AGENT, REVIEWER, "ok", NOW)),
                Arguments.of("rejected", new CheckInRejected(CHECK_IN, ROOM, ORG, AGENT, REVIEWER, "no", NOW)),
                Arguments.of("modified", new CheckInModified(CHECK_IN, ROOM, ORG, AGENT, REVIEWER,
                        Map.of("target", "staging"), null, NOW)),
                Arguments.of("withdrawn", new CheckInWithdrawn(CHECK_IN, ROOM, ORG, AGENT, Actor.agent(AGENT), NOW)),
                Arguments.of("expired", new CheckInExpired(CHECK_IN, ROOM, ORG, AGENT, Actor.SYSTEM, NOW)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resolutions")
    void a_resolution_before_the_expiry_ends_the_saga_and_cancels_its_timeout(String outcome,
            CheckInResolution resolution) throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(pending(TimeoutAction.CANCEL, NOW.plus(TIMEOUT)))
                .andThenTimeElapses(Duration.ofMinutes(10))
                .whenPublishingA(resolution)
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @Test
    void a_resolution_of_another_check_in_leaves_the_timeout_in_place() {
        CheckInId other = new CheckInId("ci_another00001");

        fixture.givenCurrentTime(NOW)
                .andThenAPublished(pending(TimeoutAction.CANCEL, NOW.plus(TIMEOUT)))
                .whenPublishingA(new CheckInApproved(other, ROOM, ORG, AGENT, REVIEWER, "ok", NOW))
                .expectActiveSagas(1)
                .expectScheduledDeadline(TIMEOUT, new Expiry(CHECK_IN));
    }

    @Test
    void a_check_in_approved_at_creation_starts_no_timeout() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(created(CheckInStatus.APPROVED, TimeoutAction.CANCEL, null,
                        PolicyOutcome.AUTO_APPROVE, DecisionSource.AUTO_APPROVE_RULE))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_check_in_rejected_at_creation_starts_no_timeout() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(created(CheckInStatus.REJECTED, TimeoutAction.CANCEL, null,
                        PolicyOutcome.FORBID, DecisionSource.FORBID_RULE))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_held_check_in_starts_no_timeout() {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(pending(TimeoutAction.HOLD, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_held_check_in_is_never_timed_out_however_long_it_waits() {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(pending(TimeoutAction.HOLD, null))
                .whenTimeElapses(Duration.ofDays(30))
                .expectNoDispatchedCommands();
    }

    private static CheckInCreated pending(TimeoutAction timeoutAction, Instant expiresAt) {
        return created(CheckInStatus.PENDING, timeoutAction, expiresAt, PolicyOutcome.REQUIRE_APPROVAL,
                DecisionSource.DEFAULT);
    }

    private static CheckInCreated created(CheckInStatus status, TimeoutAction timeoutAction, Instant expiresAt,
            PolicyOutcome outcome, DecisionSource source) {
        return new CheckInCreated(CHECK_IN, ROOM, ORG, Actor.agent(AGENT), "deploy", null, RiskLevel.MEDIUM,
                Urgency.NORMAL, Map.of(), status, TIMEOUT.toMillis(), timeoutAction, expiresAt,
                new PolicyDecision(outcome, source, null, 15.0, 1), NOW);
    }
}
