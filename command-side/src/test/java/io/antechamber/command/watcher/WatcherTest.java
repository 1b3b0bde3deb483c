package io.antechamber.command.watcher;

import static io.antechamber.command.Refusals.refusedWith;
import static io.antechamber.command.Refusals.resultThat;
import static io.antechamber.events.common.RefusalCode.LIMIT_REACHED;
import static io.antechamber.events.common.RefusalCode.NOT_A_MEMBER;
import static io.antechamber.events.common.RefusalCode.NOT_FOUND;
import static io.antechamber.events.common.RefusalCode.NOT_PERMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.command.lookup.InMemoryOrgAdmins;
import io.antechamber.command.lookup.InMemoryRoomDirectory;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.watcher.DisableWatcher;
import io.antechamber.events.watcher.EnableWatcher;
import io.antechamber.events.watcher.RegisterWatcher;
import io.antechamber.events.watcher.RemoveWatcher;
import io.antechamber.events.watcher.RotateWatcherSecret;
import io.antechamber.events.watcher.WatcherAndSecret;
import io.antechamber.events.watcher.WatcherDisabled;
import io.antechamber.events.watcher.WatcherEnabled;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherLimits;
import io.antechamber.events.watcher.WatcherRegistered;
import io.antechamber.events.watcher.WatcherRemoved;
import io.antechamber.events.watcher.WatcherSecretRotated;
import io.antechamber.events.watcher.WatcherState;
import io.antechamber.events.watcher.WatcherStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatcherTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final OrgId OTHER_ORG = new OrgId("org_other00001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final WatcherId WATCHER = new WatcherId("w_watcher00001");
    private static final Actor AGENT = Actor.agent(new AgentId("agt_builder0001"));
    private static final Actor OUTSIDER_AGENT = Actor.agent(new AgentId("agt_outsider001"));
    private static final Actor ADMIN = Actor.human(new HumanId("hum_admin000001"));
    private static final Actor REVIEWER = Actor.human(new HumanId("hum_reviewer001"));
    private static final Actor OUTSIDER_REVIEWER = Actor.human(new HumanId("hum_outsider001"));
    private static final String URL = "https://hooks.example.com/antechamber";
    private static final Map<String, Object> FILTER = Map.of("risk_level", List.of("high", "critical"));

    private FixtureConfiguration<Watcher> fixture;
    private InMemoryWatchers watchers;

    @BeforeEach
    void setUp() {
        watchers = new InMemoryWatchers();
        InMemoryRoomDirectory rooms = new InMemoryRoomDirectory()
                .addRoom(ROOM, ORG, Policy.initial(), 1, AGENT, REVIEWER)
                .addAdmin(ORG, ADMIN);
        fixture = new AggregateTestFixture<>(Watcher.class);
        fixture.setReportIllegalStateChange(true);
        fixture.registerInjectableResource(rooms);
        fixture.registerInjectableResource(new InMemoryOrgAdmins().addAdmin(ORG, ADMIN));
        fixture.registerInjectableResource(watchers);
    }

    private static RegisterWatcher register(Actor owner) {
        return new RegisterWatcher(WATCHER, ROOM, ORG, owner, URL, List.of("checkin.created"), FILTER, "alerts");
    }

    private static WatcherRegistered registered(Actor owner) {
        return new WatcherRegistered(WATCHER, ROOM, ORG, owner, URL, List.of("checkin.created"), FILTER, "alerts",
                NOW);
    }

    private TestExecutor<Watcher> givenWatcherOf(Actor owner, Object... more) {
        Object[] events = new Object[more.length + 1];
        events[0] = registered(owner);
        System.arraycopy(more, 0, events, 1, more.length);
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    // --- RegisterWatcher -------------------------------------------------------------------------------------------

    @Test
    void an_agent_member_registers_a_watcher_and_gets_its_one_secret_which_no_event_carries() {
        fixture.givenCurrentTime(NOW)
                .when(register(AGENT))
                .expectEvents(registered(AGENT))
                .expectResultMessagePayloadMatching(resultThat(WatcherAndSecret.class,
                        "an active watcher and a whsec_ secret",
                        r -> r.watcher().status() == WatcherStatus.ACTIVE && r.secret().startsWith("whsec_")));
        assertThat(watchers.issued).singleElement().satisfies(s -> {
            assertThat(s.watcherId()).isEqualTo(WATCHER);
            assertThat(s.validUntil()).isNull();
        });
    }

    @Test
    void a_reviewer_member_registers_a_watcher() {
        fixture.givenCurrentTime(NOW).when(register(REVIEWER)).expectEvents(registered(REVIEWER));
    }

    @Test
    void an_admin_registers_a_watcher_in_a_room_of_the_org_without_being_a_member() {
        fixture.givenCurrentTime(NOW).when(register(ADMIN)).expectEvents(registered(ADMIN));
    }

    @Test
    void an_agent_that_is_not_a_member_of_the_room_may_not_watch_it() {
        fixture.givenCurrentTime(NOW)
                .when(register(OUTSIDER_AGENT))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
        assertThat(watchers.issued).isEmpty();
    }

    @Test
    void a_reviewer_that_is_not_a_member_of_the_room_may_not_watch_it() {
        fixture.givenCurrentTime(NOW)
                .when(register(OUTSIDER_REVIEWER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void a_room_with_the_most_watchers_allowed_takes_no_more() {
        watchers.withRegistered(ROOM, WatcherLimits.MAX_PER_ROOM);

        fixture.givenCurrentTime(NOW)
                .when(register(AGENT))
                .expectNoEvents()
                .expectException(refusedWith(LIMIT_REACHED));
        assertThat(watchers.issued).isEmpty();
    }

    @Test
    void a_room_one_below_the_cap_takes_one_more() {
        watchers.withRegistered(ROOM, WatcherLimits.MAX_PER_ROOM - 1);

        fixture.givenCurrentTime(NOW).when(register(AGENT)).expectEvents(registered(AGENT));
    }

    // --- RemoveWatcher ---------------------------------------------------------------------------------------------

    @Test
    void the_owner_removes_its_watcher() {
        givenWatcherOf(AGENT)
                .when(new RemoveWatcher(WATCHER, ORG, AGENT))
                .expectEvents(new WatcherRemoved(WATCHER, ROOM, ORG, AGENT, NOW));
    }

    @Test
    void an_admin_removes_anyones_watcher() {
        givenWatcherOf(AGENT)
                .when(new RemoveWatcher(WATCHER, ORG, ADMIN))
                .expectEvents(new WatcherRemoved(WATCHER, ROOM, ORG, ADMIN, NOW));
    }

    @Test
    void a_reviewer_may_not_remove_someone_elses_watcher() {
        givenWatcherOf(AGENT)
                .when(new RemoveWatcher(WATCHER, ORG, REVIEWER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    @Test
    void another_agent_may_not_remove_a_watcher_it_does_not_own() {
        givenWatcherOf(REVIEWER)
                .when(new RemoveWatcher(WATCHER, ORG, AGENT))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    @Test
    void a_watcher_of_another_org_is_not_found() {
        givenWatcherOf(AGENT)
                .when(new RemoveWatcher(WATCHER, OTHER_ORG, AGENT))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void a_removed_watcher_is_not_found_for_a_second_removal() {
        givenWatcherOf(AGENT, new WatcherRemoved(WATCHER, ROOM, ORG, AGENT, NOW))
                .when(new RemoveWatcher(WATCHER, ORG, AGENT))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    // --- RotateWatcherSecret ---------------------------------------------------------------------------------------

    @Test
    void rotating_keeps_the_old_secret_valid_for_24_hours_beside_a_new_one() {
        watchers.issue(WATCHER, NOW);
        String old = watchers.issued.get(0).secret();

        givenWatcherOf(AGENT)
                .when(new RotateWatcherSecret(WATCHER, ORG, AGENT))
                .expectEvents(new WatcherSecretRotated(WATCHER, ROOM, ORG, AGENT, NOW,
                        NOW.plus(WatcherLimits.SECRET_OVERLAP)))
                .expectResultMessagePayloadMatching(resultThat(WatcherAndSecret.class, "a new secret",
                        r -> r.secret().startsWith("whsec_") && !r.secret().equals(old)));
        assertThat(watchers.issued).hasSize(2);
        assertThat(watchers.issued.get(0).validUntil()).isEqualTo(Instant.parse("2026-11-25T10:15:30Z"));
        assertThat(watchers.issued.get(1).validUntil()).isNull();
    }

    @Test
    void an_admin_rotates_the_secret_of_anyones_watcher() {
        givenWatcherOf(REVIEWER)
                .when(new RotateWatcherSecret(WATCHER, ORG, ADMIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_non_owner_may_not_rotate_the_secret() {
        givenWatcherOf(REVIEWER)
                .when(new RotateWatcherSecret(WATCHER, ORG, AGENT))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
        assertThat(watchers.issued).isEmpty();
    }

    @Test
    void a_removed_watcher_has_no_secret_to_rotate() {
        givenWatcherOf(AGENT, new WatcherRemoved(WATCHER, ROOM, ORG, AGENT, NOW))
                .when(new RotateWatcherSecret(WATCHER, ORG, AGENT))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    // --- DisableWatcher / EnableWatcher ----------------------------------------------------------------------------

    @Test
    void the_delivery_side_disables_an_active_watcher_with_its_reason_and_time() {
        Instant later = NOW.plusSeconds(60);
        givenWatcherOf(AGENT)
                .when(new DisableWatcher(WATCHER, "410 Gone", later))
                .expectEvents(new WatcherDisabled(WATCHER, ROOM, ORG, "410 Gone", later));
    }

    @Test
    void disabling_a_disabled_watcher_again_changes_nothing() {
        givenWatcherOf(AGENT, new WatcherDisabled(WATCHER, ROOM, ORG, "410 Gone", NOW))
                .when(new DisableWatcher(WATCHER, "failing for 5 days", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_late_disable_of_a_removed_watcher_changes_nothing() {
        givenWatcherOf(AGENT, new WatcherRemoved(WATCHER, ROOM, ORG, AGENT, NOW))
                .when(new DisableWatcher(WATCHER, "410 Gone", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_owner_enables_a_disabled_watcher_which_forgets_why_it_was_disabled() {
        givenWatcherOf(AGENT, new WatcherDisabled(WATCHER, ROOM, ORG, "410 Gone", NOW))
                .when(new EnableWatcher(WATCHER, ORG, AGENT))
                .expectEvents(new WatcherEnabled(WATCHER, ROOM, ORG, AGENT, NOW))
                .expectResultMessagePayloadMatching(resultThat(WatcherState.class, "active without a reason",
                        w -> w.status() == WatcherStatus.ACTIVE && w.disabledReason() == null));
    }

    @Test
    void enabling_an_active_watcher_changes_nothing_and_answers_it() {
        givenWatcherOf(AGENT)
                .when(new EnableWatcher(WATCHER, ORG, ADMIN))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(resultThat(WatcherState.class, "active",
                        w -> w.status() == WatcherStatus.ACTIVE));
    }

    @Test
    void a_non_owner_reviewer_may_not_enable_a_watcher() {
        givenWatcherOf(AGENT, new WatcherDisabled(WATCHER, ROOM, ORG, "410 Gone", NOW))
                .when(new EnableWatcher(WATCHER, ORG, REVIEWER))
                .expectNoEvents()
                .expectException(refusedWith(NOT_PERMITTED));
    }

    @Test
    void a_removed_watcher_cannot_be_enabled() {
        givenWatcherOf(AGENT, new WatcherRemoved(WATCHER, ROOM, ORG, AGENT, NOW))
                .when(new EnableWatcher(WATCHER, ORG, AGENT))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }
}
