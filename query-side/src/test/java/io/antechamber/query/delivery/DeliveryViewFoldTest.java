package io.antechamber.query.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.delivery.DeliveryAttempted;
import io.antechamber.events.delivery.DeliveryCancelled;
import io.antechamber.events.delivery.DeliveryDied;
import io.antechamber.events.delivery.DeliveryEvent;
import io.antechamber.events.delivery.DeliveryFailed;
import io.antechamber.events.delivery.DeliveryId;
import io.antechamber.events.delivery.DeliveryLogEntry;
import io.antechamber.events.delivery.DeliveryRequested;
import io.antechamber.events.delivery.DeliveryRetryRequested;
import io.antechamber.events.delivery.DeliveryStatus;
import io.antechamber.events.delivery.DeliverySucceeded;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.query.support.Versioned;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Given these events of one delivery, this row of the delivery log. */
class DeliveryViewFoldTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final WatcherId WATCHER = new WatcherId("w_watcher00001");
    private static final DeliveryId ID = DeliveryId.of(WATCHER, 7);
    private static final DeliveryRequested REQUESTED =
            new DeliveryRequested(ID, WATCHER, ROOM, ORG, 7, "checkin.approved", T0);

    @Test
    void a_requested_delivery_is_pending_with_no_attempt_and_due_at_once() {
        assertThat(fold(REQUESTED)).isEqualTo(new Versioned<>(new DeliveryLogEntry(ID, WATCHER, ORG, ROOM, 7,
                "checkin.approved", DeliveryStatus.PENDING, 0, null, T0, null, null, T0), 0));
    }

    @Test
    void a_failed_attempt_shows_its_status_error_and_the_next_attempt() {
        DeliveryLogEntry row = fold(REQUESTED,
                new DeliveryAttempted(ID, WATCHER, 1, 500, "the receiver answered 500", T0.plusSeconds(6),
                        T0.plusSeconds(1))).state();
        assertThat(row.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastAttemptAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(row.nextAttemptAt()).isEqualTo(T0.plusSeconds(6));
        assertThat(row.responseStatus()).isEqualTo(500);
        assertThat(row.lastError()).isEqualTo("the receiver answered 500");
    }

    @Test
    void a_success_after_a_failure_is_delivered_with_no_error_and_nothing_next() {
        DeliveryLogEntry row = fold(REQUESTED,
                new DeliveryAttempted(ID, WATCHER, 1, 500, "e", T0.plusSeconds(6), T0.plusSeconds(1)),
                new DeliveryAttempted(ID, WATCHER, 2, 204, null, null, T0.plusSeconds(6)),
                new DeliverySucceeded(ID, WATCHER, T0.plusSeconds(6))).state();
        assertThat(row.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(row.responseStatus()).isEqualTo(204);
        assertThat(row.lastError()).isNull();
        assertThat(row.nextAttemptAt()).isNull();
    }

    @Test
    void dead_failed_and_cancelled_end_it_and_say_why() {
        assertThat(fold(REQUESTED, new DeliveryAttempted(ID, WATCHER, 1, 500, "e", null, T0),
                new DeliveryDied(ID, WATCHER, T0)).state()).extracting(DeliveryLogEntry::status,
                DeliveryLogEntry::lastError).containsExactly(DeliveryStatus.DEAD, "e");
        assertThat(fold(REQUESTED, new DeliveryFailed(ID, WATCHER, "refused", T0)).state())
                .extracting(DeliveryLogEntry::status, DeliveryLogEntry::lastError)
                .containsExactly(DeliveryStatus.FAILED, "refused");
        assertThat(fold(REQUESTED, new DeliveryCancelled(ID, WATCHER, "the watcher was removed", T0)).state())
                .extracting(DeliveryLogEntry::status, DeliveryLogEntry::lastError, DeliveryLogEntry::nextAttemptAt)
                .containsExactly(DeliveryStatus.CANCELLED, "the watcher was removed", null);
    }

    @Test
    void a_retry_makes_it_pending_and_due_now_keeping_its_attempts() {
        DeliveryLogEntry row = fold(REQUESTED, new DeliveryAttempted(ID, WATCHER, 1, 500, "e", null, T0),
                new DeliveryDied(ID, WATCHER, T0),
                new DeliveryRetryRequested(ID, WATCHER, ROOM, ORG, 7, "checkin.approved", false,
                        Actor.human(new HumanId("hum_reviewer001")), T0.plusSeconds(60))).state();
        assertThat(row.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void an_event_the_row_already_has_changes_nothing() {
        Versioned<DeliveryLogEntry> row = fold(REQUESTED, new DeliverySucceeded(ID, WATCHER, T0));
        assertThat(DeliveryViewFold.next(row, new DeliveryDied(ID, WATCHER, T0), 1)).isSameAs(row);
    }

    private static Versioned<DeliveryLogEntry> fold(DeliveryEvent... events) {
        Versioned<DeliveryLogEntry> row = null;
        for (int i = 0; i < events.length; i++) {
            row = DeliveryViewFold.next(row, events[i], i);
        }
        return row;
    }
}
