package io.antechamber.command.webhook;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.DomainException;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.delivery.CancelDelivery;
import io.antechamber.events.delivery.DeliveryAttempted;
import io.antechamber.events.delivery.DeliveryCancelled;
import io.antechamber.events.delivery.DeliveryDied;
import io.antechamber.events.delivery.DeliveryFailed;
import io.antechamber.events.delivery.DeliveryId;
import io.antechamber.events.delivery.DeliveryRequested;
import io.antechamber.events.delivery.DeliveryRetryRequested;
import io.antechamber.events.delivery.DeliverySucceeded;
import io.antechamber.events.delivery.RecordDeliveryAttempt;
import io.antechamber.events.delivery.RecordDeliveryAttempt.AttemptOutcome;
import io.antechamber.events.delivery.ReplayDelivery;
import io.antechamber.events.delivery.RequestDelivery;
import io.antechamber.events.delivery.RetryDelivery;
import io.antechamber.events.watcher.WatcherId;
import java.time.Instant;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final WatcherId WATCHER = new WatcherId("w_watcher00001");
    private static final DeliveryId DELIVERY = DeliveryId.of(WATCHER, 42);
    private static final Actor HUMAN = Actor.human(new HumanId("hum_reviewer001"));
    private static final DeliveryRequested REQUESTED =
            new DeliveryRequested(DELIVERY, WATCHER, ROOM, ORG, 42, "checkin.created", NOW);

    private AggregateTestFixture<WebhookDelivery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookDelivery.class);
    }

    private TestExecutor<WebhookDelivery> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    @Test
    void the_delivery_id_is_the_same_for_the_same_watcher_and_event_and_differs_otherwise() {
        org.assertj.core.api.Assertions.assertThat(DeliveryId.of(WATCHER, 42)).isEqualTo(DELIVERY);
        org.assertj.core.api.Assertions.assertThat(DeliveryId.of(WATCHER, 43)).isNotEqualTo(DELIVERY);
        org.assertj.core.api.Assertions.assertThat(DeliveryId.of(new WatcherId("w_watcher00002"), 42))
                .isNotEqualTo(DELIVERY);
    }

    @Test
    void requesting_a_delivery_creates_it() {
        fixture.givenCurrentTime(NOW)
                .when(RequestDelivery.of(WATCHER, ROOM, ORG, 42, "checkin.created"))
                .expectEvents(REQUESTED);
    }

    @Test
    void requesting_it_again_changes_nothing() {
        given(REQUESTED)
                .when(RequestDelivery.of(WATCHER, ROOM, ORG, 42, "checkin.created"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_success_numbers_the_attempt_and_delivers() {
        given(REQUESTED, new DeliveryAttempted(DELIVERY, WATCHER, 1, 500, "x", NOW, NOW))
                .when(new RecordDeliveryAttempt(DELIVERY, 200, null, AttemptOutcome.DELIVERED, null))
                .expectEvents(new DeliveryAttempted(DELIVERY, WATCHER, 2, 200, null, null, NOW),
                        new DeliverySucceeded(DELIVERY, WATCHER, NOW));
    }

    @Test
    void a_failure_to_be_retried_keeps_it_pending() {
        given(REQUESTED)
                .when(new RecordDeliveryAttempt(DELIVERY, 500, "e", AttemptOutcome.RETRY, NOW.plusSeconds(5)))
                .expectEvents(new DeliveryAttempted(DELIVERY, WATCHER, 1, 500, "e", NOW.plusSeconds(5), NOW));
    }

    @Test
    void the_last_failure_makes_it_dead_and_a_final_one_failed() {
        given(REQUESTED)
                .when(new RecordDeliveryAttempt(DELIVERY, 500, "e", AttemptOutcome.DEAD, null))
                .expectEvents(new DeliveryAttempted(DELIVERY, WATCHER, 1, 500, "e", null, NOW),
                        new DeliveryDied(DELIVERY, WATCHER, NOW));
        given(REQUESTED)
                .when(new RecordDeliveryAttempt(DELIVERY, 410, "gone", AttemptOutcome.FAILED, null))
                .expectEvents(new DeliveryAttempted(DELIVERY, WATCHER, 1, 410, "gone", null, NOW),
                        new DeliveryFailed(DELIVERY, WATCHER, "gone", NOW));
    }

    @Test
    void an_attempt_reported_after_the_delivery_ended_is_ignored() {
        given(REQUESTED, new DeliveryCancelled(DELIVERY, WATCHER, "removed", NOW))
                .when(new RecordDeliveryAttempt(DELIVERY, 200, null, AttemptOutcome.DELIVERED, null))
                .expectNoEvents();
    }

    @Test
    void cancelling_a_pending_delivery_says_why_and_an_ended_one_stays() {
        given(REQUESTED)
                .when(new CancelDelivery(DELIVERY, "the watcher was removed"))
                .expectEvents(new DeliveryCancelled(DELIVERY, WATCHER, "the watcher was removed", NOW));
        given(REQUESTED, new DeliverySucceeded(DELIVERY, WATCHER, NOW))
                .when(new CancelDelivery(DELIVERY, "the watcher was removed"))
                .expectNoEvents();
    }

    @Test
    void a_dead_or_failed_delivery_can_be_retried() {
        given(REQUESTED, new DeliveryDied(DELIVERY, WATCHER, NOW))
                .when(new RetryDelivery(DELIVERY, WATCHER, HUMAN))
                .expectEvents(retried(false));
        given(REQUESTED, new DeliveryFailed(DELIVERY, WATCHER, "gone", NOW))
                .when(new RetryDelivery(DELIVERY, WATCHER, HUMAN))
                .expectEvents(retried(false));
    }

    @Test
    void retrying_a_pending_or_delivered_delivery_is_refused() {
        given(REQUESTED)
                .when(new RetryDelivery(DELIVERY, WATCHER, HUMAN))
                .expectNoEvents()
                .expectException(DomainException.class);
        given(REQUESTED, new DeliverySucceeded(DELIVERY, WATCHER, NOW))
                .when(new RetryDelivery(DELIVERY, WATCHER, HUMAN))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void retrying_through_another_watcher_is_not_found() {
        given(REQUESTED, new DeliveryDied(DELIVERY, WATCHER, NOW))
                .when(new RetryDelivery(DELIVERY, new WatcherId("w_watcher00002"), HUMAN))
                .expectNoEvents()
                .expectException(DomainException.class);
    }

    @Test
    void a_replay_creates_a_missing_delivery_resends_an_ended_one_and_leaves_a_pending_one() {
        ReplayDelivery replay = ReplayDelivery.of(WATCHER, ROOM, ORG, 42, "checkin.created", HUMAN);
        fixture.givenCurrentTime(NOW).when(replay).expectEvents(REQUESTED);
        given(REQUESTED, new DeliverySucceeded(DELIVERY, WATCHER, NOW)).when(replay)
                .expectEvents(retried(true));
        given(REQUESTED).when(replay).expectNoEvents();
    }

    private static DeliveryRetryRequested retried(boolean replay) {
        return new DeliveryRetryRequested(DELIVERY, WATCHER, ROOM, ORG, 42, "checkin.created", replay, HUMAN, NOW);
    }
}
