package io.antechamber.query.watcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.watcher.WatcherDisabled;
import io.antechamber.events.watcher.WatcherEnabled;
import io.antechamber.events.watcher.WatcherEvent;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherRegistered;
import io.antechamber.events.watcher.WatcherRemoved;
import io.antechamber.events.watcher.WatcherSecretRotated;
import io.antechamber.events.watcher.WatcherState;
import io.antechamber.events.watcher.WatcherStatus;
import io.antechamber.query.support.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given these events of one watcher's stream, this row of the watcher view. */
class WatcherViewFoldTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final WatcherId WATCHER = new WatcherId("w_watcher00001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final Actor AGENT = Actor.agent(new AgentId("agt_builder0001"));
    private static final Actor ADMIN = Actor.human(new HumanId("hum_admin000001"));
    private static final WatcherRegistered REGISTERED = new WatcherRegistered(WATCHER, ROOM, ORG, AGENT,
            "https://hooks.example.com/a", List.of("checkin.created", "checkin.approved"),
            Map.of("risk_level", List.of("high", "critical")), "alerts", T0);

    @Test
    void a_registered_watcher_is_active_with_what_it_was_registered_with() {
        Versioned<WatcherState> row = fold(REGISTERED);

        assertThat(row.version()).isZero();
        assertThat(row.state()).isEqualTo(new WatcherState(WATCHER, ROOM, ORG, AGENT, "https://hooks.example.com/a",
                List.of("checkin.created", "checkin.approved"), Map.of("risk_level", List.of("high", "critical")),
                "alerts", WatcherStatus.ACTIVE, null, T0));
    }

    @Test
    void a_disabled_watcher_has_its_reason_until_it_is_enabled_again() {
        Versioned<WatcherState> disabled = fold(REGISTERED,
                new WatcherDisabled(WATCHER, ROOM, ORG, "410 Gone", T0.plusSeconds(1)));
        assertThat(disabled.state().status()).isEqualTo(WatcherStatus.DISABLED);
        assertThat(disabled.state().disabledReason()).isEqualTo("410 Gone");

        Versioned<WatcherState> enabled = WatcherViewFold.next(disabled,
                new WatcherEnabled(WATCHER, ROOM, ORG, ADMIN, T0.plusSeconds(2)), 2);
        assertThat(enabled.state().status()).isEqualTo(WatcherStatus.ACTIVE);
        assertThat(enabled.state().disabledReason()).isNull();
        assertThat(enabled.version()).isEqualTo(2);
    }

    @Test
    void a_rotation_changes_only_the_version_and_a_removal_the_status() {
        Versioned<WatcherState> row = fold(REGISTERED,
                new WatcherSecretRotated(WATCHER, ROOM, ORG, AGENT, T0.plusSeconds(1), T0.plusSeconds(86_401)));
        assertThat(row.state()).isEqualTo(fold(REGISTERED).state());
        assertThat(row.version()).isEqualTo(1);

        Versioned<WatcherState> removed = WatcherViewFold.next(row,
                new WatcherRemoved(WATCHER, ROOM, ORG, ADMIN, T0.plusSeconds(2)), 2);
        assertThat(removed.state().status()).isEqualTo(WatcherStatus.REMOVED);
    }

    @Test
    void an_event_the_row_already_has_changes_nothing() {
        Versioned<WatcherState> row = fold(REGISTERED,
                new WatcherDisabled(WATCHER, ROOM, ORG, "410 Gone", T0.plusSeconds(1)));

        assertThat(WatcherViewFold.next(row, new WatcherEnabled(WATCHER, ROOM, ORG, ADMIN, T0), 1)).isSameAs(row);
    }

    private static Versioned<WatcherState> fold(WatcherEvent... events) {
        Versioned<WatcherState> row = null;
        for (int i = 0; i < events.length; i++) {
            row = WatcherViewFold.next(row, events[i], i);
        }
        return row;
    }
}
