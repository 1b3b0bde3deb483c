package io.antechamber.command.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.command.webhook.WebhookAttempts.Kind;
import io.antechamber.command.webhook.WebhookAttempts.Result;
import io.antechamber.command.webhook.WebhookDeliverySaga.Attempt;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.delivery.CancelDelivery;
import io.antechamber.events.delivery.DeliveryCancelled;
import io.antechamber.events.delivery.DeliveryDied;
import io.antechamber.events.delivery.DeliveryId;
import io.antechamber.events.delivery.DeliveryRequested;
import io.antechamber.events.delivery.DeliveryRetryRequested;
import io.antechamber.events.delivery.RecordDeliveryAttempt;
import io.antechamber.events.delivery.RecordDeliveryAttempt.AttemptOutcome;
import io.antechamber.events.watcher.DisableWatcher;
import io.antechamber.events.watcher.WatcherDisabled;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherRemoved;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookDeliverySagaTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final WatcherId WATCHER = new WatcherId("w_watcher00001");
    private static final long SEQ = 42;
    private static final DeliveryId DELIVERY = DeliveryId.of(WATCHER, SEQ);
    private static final Result FAILED_500 = new Result(Kind.RETRYABLE, 500, "the receiver answered 500", null);
    private static final Result OK = Result.delivered(204);

    private SagaTestFixture<WebhookDeliverySaga> fixture;
    private ScriptedAttempts attempts;
    private final Map<WatcherId, Instant> streaks = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(WebhookDeliverySaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        attempts = new ScriptedAttempts();
        fixture.registerResource(attempts);
        fixture.registerResource(new RetrySchedule(RetrySchedule.DEFAULT_DELAYS, () -> 0.5));
        fixture.registerResource((WatcherFailureStreaks) watcher -> Optional.ofNullable(streaks.get(watcher)));
        fixture.registerResource((DeliveryClock) () -> fixture.currentTime());
    }

    private static DeliveryRequested requested() {
        return new DeliveryRequested(DELIVERY, WATCHER, ROOM, ORG, SEQ, "checkin.created", NOW);
    }

    @Test
    void a_requested_delivery_is_attempted_at_once() throws Exception {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(requested())
                .expectActiveSagas(1)
                .expectAssociationWith("deliveryId", DELIVERY)
                .expectAssociationWith("watcherId", WATCHER)
                .expectScheduledDeadlineWithName(Duration.ZERO, WebhookDeliverySaga.ATTEMPT)
                .expectNoDispatchedCommands();
        assertThat(attempts.made()).isZero();
    }

    @Test
    void a_2xx_records_the_delivery_as_delivered_and_ends() throws Exception {
        attempts.then(OK);
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectTriggeredDeadlines(new Attempt(DELIVERY))
                .expectDispatchedCommands(
                        new RecordDeliveryAttempt(DELIVERY, 204, null, AttemptOutcome.DELIVERED, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(attempts.made()).isEqualTo(1);
    }

    static Stream<Arguments> schedule() {
        return IntStream.rangeClosed(1, RetrySchedule.DEFAULT_DELAYS.size())
                .mapToObj(n -> Arguments.of(n, RetrySchedule.DEFAULT_DELAYS.get(n - 1)));
    }

    @ParameterizedTest(name = "attempt {0} fails: the next one is due {1} later")
    @MethodSource("schedule")
    void each_failed_attempt_schedules_the_next_by_the_schedule(int failedAttempt, Duration delay) throws Exception {
        Instant at = NOW.plus(sumOfFirst(failedAttempt - 1));
        afterFailedAttempts(failedAttempt - 1)
                .whenTimeElapses(failedAttempt == 1 ? Duration.ZERO
                        : RetrySchedule.DEFAULT_DELAYS.get(failedAttempt - 2))
                .expectActiveSagas(1)
                .expectScheduledDeadline(delay, new Attempt(DELIVERY))
                .expectDispatchedCommands(
                        new RecordDeliveryAttempt(DELIVERY, 500, FAILED_500.error(), AttemptOutcome.RETRY,
                                at.plus(delay)));
        assertThat(attempts.made()).isEqualTo(failedAttempt);
    }

    @Test
    void after_the_last_attempt_fails_the_delivery_is_dead() throws Exception {
        int steps = RetrySchedule.DEFAULT_DELAYS.size();
        afterFailedAttempts(steps)
                .whenTimeElapses(RetrySchedule.DEFAULT_DELAYS.get(steps - 1))
                .expectDispatchedCommands(
                        new RecordDeliveryAttempt(DELIVERY, 500, FAILED_500.error(), AttemptOutcome.DEAD, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(attempts.made()).isEqualTo(10);
    }

    /** A deadline scheduled while time advances fires in the next advance, so time advances one attempt at a time. */
    private ContinuedGivenState afterFailedAttempts(int failed) throws Exception {
        ContinuedGivenState given = fixture.givenCurrentTime(NOW).andThenAPublished(requested());
        for (int attempt = 1; attempt <= failed; attempt++) {
            given = given.andThenTimeElapses(attempt == 1 ? Duration.ZERO
                    : RetrySchedule.DEFAULT_DELAYS.get(attempt - 2));
        }
        return given;
    }

    @Test
    void a_success_on_a_retry_ends_the_series() throws Exception {
        attempts.then(FAILED_500).then(FAILED_500).then(OK);
        afterFailedAttempts(2)
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectDispatchedCommands(new RecordDeliveryAttempt(DELIVERY, 204, null, AttemptOutcome.DELIVERED,
                        null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
        assertThat(attempts.made()).isEqualTo(3);
    }

    @Test
    void a_410_fails_the_delivery_disables_the_watcher_and_stops() throws Exception {
        attempts.then(new Result(Kind.GONE, 410, "the receiver answered 410", null));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(
                        new RecordDeliveryAttempt(DELIVERY, 410, "the receiver answered 410", AttemptOutcome.FAILED,
                                null),
                        new DisableWatcher(WATCHER, "the receiver answered 410 Gone", NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_retry_after_on_a_429_longer_than_the_schedule_is_honoured() throws Exception {
        attempts.then(new Result(Kind.RETRYABLE, 429, "the receiver answered 429", Duration.ofMinutes(2)));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectScheduledDeadline(Duration.ofMinutes(2), new Attempt(DELIVERY))
                .expectDispatchedCommands(new RecordDeliveryAttempt(DELIVERY, 429, "the receiver answered 429",
                        AttemptOutcome.RETRY, NOW.plus(Duration.ofMinutes(2))));
    }

    @Test
    void a_retry_after_shorter_than_the_schedule_is_not() throws Exception {
        attempts.then(new Result(Kind.RETRYABLE, 503, "the receiver answered 503", Duration.ofSeconds(1)));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectScheduledDeadline(Duration.ofSeconds(5), new Attempt(DELIVERY));
    }

    @Test
    void a_refused_target_fails_the_delivery_without_retries() throws Exception {
        attempts.then(new Result(Kind.UNDELIVERABLE, null, "webhook host h resolves to a loopback address", null));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordDeliveryAttempt(DELIVERY, null,
                        "webhook host h resolves to a loopback address", AttemptOutcome.FAILED, null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void removing_the_watcher_cancels_a_pending_delivery_and_its_next_attempt() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .andThenTimeElapses(Duration.ZERO)
                .whenPublishingA(new WatcherRemoved(WATCHER, ROOM, ORG, Actor.SYSTEM, NOW))
                .expectDispatchedCommands(new CancelDelivery(DELIVERY, "the watcher was removed"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void disabling_the_watcher_cancels_a_pending_delivery_saying_why() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .whenPublishingA(new WatcherDisabled(WATCHER, ROOM, ORG, "the receiver answered 410 Gone", NOW))
                .expectDispatchedCommands(new CancelDelivery(DELIVERY,
                        "the watcher was disabled: the receiver answered 410 Gone"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void another_watchers_removal_changes_nothing() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .whenPublishingA(new WatcherRemoved(new WatcherId("w_another00001"), ROOM, ORG, Actor.SYSTEM, NOW))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void a_watcher_found_inactive_at_attempt_time_cancels_the_delivery() throws Exception {
        attempts.then(new Result(Kind.WATCHER_INACTIVE, null, "the watcher is disabled", null));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new CancelDelivery(DELIVERY, "the watcher is disabled"))
                .expectActiveSagas(0);
    }

    @Test
    void a_watcher_whose_deliveries_all_failed_for_five_days_is_disabled() throws Exception {
        streaks.put(WATCHER, NOW.minus(Duration.ofDays(5)));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(
                        new RecordDeliveryAttempt(DELIVERY, 500, FAILED_500.error(), AttemptOutcome.RETRY,
                                NOW.plusSeconds(5)),
                        new DisableWatcher(WATCHER, "every delivery failed for 5 days", NOW));
    }

    @Test
    void a_watcher_failing_for_less_than_five_days_stays() throws Exception {
        streaks.put(WATCHER, NOW.minus(Duration.ofDays(5)).plusSeconds(1));
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordDeliveryAttempt(DELIVERY, 500, FAILED_500.error(),
                        AttemptOutcome.RETRY, NOW.plusSeconds(5)));
    }

    @Test
    void a_busy_replica_defers_the_attempt_without_counting_it() throws Exception {
        attempts.then(new Result(Kind.BUSY, null, null, null)).then(FAILED_500);
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(requested())
                .andThenTimeElapses(Duration.ZERO)
                .whenTimeElapses(Duration.ofSeconds(1))
                .expectDispatchedCommands(new RecordDeliveryAttempt(DELIVERY, 500, FAILED_500.error(),
                        AttemptOutcome.RETRY, NOW.plusSeconds(1).plusSeconds(5)))
                .expectScheduledDeadline(Duration.ofSeconds(5), new Attempt(DELIVERY));
        assertThat(attempts.made()).isEqualTo(2);
    }

    @Test
    void a_manual_retry_is_one_attempt_now_and_dead_again_if_it_fails() throws Exception {
        fixture.givenCurrentTime(NOW)
                .whenPublishingA(retryRequested(false))
                .expectScheduledDeadlineWithName(Duration.ZERO, WebhookDeliverySaga.ATTEMPT);
        fixture.whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(
                        new RecordDeliveryAttempt(DELIVERY, 500, FAILED_500.error(), AttemptOutcome.DEAD, null))
                .expectActiveSagas(0);
    }

    @Test
    void a_replay_of_an_ended_delivery_starts_the_whole_schedule_again() throws Exception {
        fixture.givenCurrentTime(NOW)
                .andThenAPublished(retryRequested(true))
                .whenTimeElapses(Duration.ZERO)
                .expectDispatchedCommands(new RecordDeliveryAttempt(DELIVERY, 500, FAILED_500.error(),
                        AttemptOutcome.RETRY, NOW.plusSeconds(5)))
                .expectScheduledDeadline(Duration.ofSeconds(5), new Attempt(DELIVERY))
                .expectActiveSagas(1);
    }

    private static DeliveryRetryRequested retryRequested(boolean replay) {
        return new DeliveryRetryRequested(DELIVERY, WATCHER, ROOM, ORG, SEQ, "checkin.created", replay,
                Actor.human(new HumanId("hum_reviewer001")), NOW);
    }

    private static Duration sumOfFirst(int steps) {
        return RetrySchedule.DEFAULT_DELAYS.stream().limit(steps).reduce(Duration.ZERO, Duration::plus);
    }
}
