package io.antechamber.command.room;

import static io.antechamber.command.Refusals.refusedWith;
import static io.antechamber.events.common.RefusalCode.ALREADY_MEMBER;
import static io.antechamber.events.common.RefusalCode.INVALID;
import static io.antechamber.events.common.RefusalCode.NOT_A_MEMBER;
import static io.antechamber.events.common.RefusalCode.NOT_FOUND;
import static io.antechamber.events.common.RefusalCode.SLUG_TAKEN;
import static io.antechamber.command.Refusals.resultThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.instanceOf;

import io.antechamber.command.lookup.InMemoryOrgDirectory;
import io.antechamber.command.lookup.InMemoryRoomDirectory;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.common.SignalId;
import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.ConditionOp;
import io.antechamber.events.policy.DefaultAction;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyRule;
import io.antechamber.events.policy.RuleEffect;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.room.AddRoomMember;
import io.antechamber.events.room.BroadcastSignal;
import io.antechamber.events.room.CreateRoom;
import io.antechamber.events.room.MemberAdded;
import io.antechamber.events.room.MemberRemoved;
import io.antechamber.events.room.PolicyUpdated;
import io.antechamber.events.room.RemoveRoomMember;
import io.antechamber.events.room.RoomCreated;
import io.antechamber.events.room.RoomMember;
import io.antechamber.events.room.RoomState;
import io.antechamber.events.room.SignalBroadcast;
import io.antechamber.events.room.UpdatePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final OrgId OTHER_ORG = new OrgId("org_other00001");
    private static final OrgId UNKNOWN_ORG = new OrgId("org_nowhere0001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final HumanId OWNER = new HumanId("hum_owner000001");
    private static final HumanId CREATOR = new HumanId("hum_creator0001");
    private static final HumanId STRANGER = new HumanId("hum_stranger001");
    private static final AgentId AGENT = new AgentId("agt_builder0001");

    private FixtureConfiguration<Room> fixture;
    private InMemoryRoomDirectory rooms;

    @BeforeEach
    void setUp() {
        rooms = new InMemoryRoomDirectory().takeSlug(ORG, "taken");
        InMemoryOrgDirectory orgs = new InMemoryOrgDirectory()
                .addOrg(ORG, OWNER)
                .addMember(ORG, Actor.human(CREATOR))
                .addMember(ORG, Actor.agent(AGENT))
                .addOrg(OTHER_ORG, new HumanId("hum_otherowner1"))
                .addMember(OTHER_ORG, Actor.human(STRANGER));
        fixture = new AggregateTestFixture<>(Room.class);
        fixture.setReportIllegalStateChange(true);
        fixture.registerInjectableResource(rooms);
        fixture.registerInjectableResource(orgs);
    }

    // --- CreateRoom ------------------------------------------------------------------------------------------------

    @Test
    void a_new_room_has_the_initial_policy_at_version_1_and_its_creator_as_its_only_member() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateRoom(ROOM, ORG, "deploys", "Deploys", "ship it", Actor.human(CREATOR)))
                .expectEvents(new RoomCreated(ROOM, ORG, "deploys", "Deploys", "ship it", Actor.human(CREATOR), null,
                        Policy.initial(), 1, NOW))
                .expectResultMessagePayloadMatching(room("version 1 with only the creator as member",
                        r -> r.policyVersion() == 1 && r.members().size() == 1 && r.isMember(Actor.human(CREATOR))));
    }

    /** The org's admins act in every room without joining it (RoomDirectory.mayActIn), the owner included. */
    @Test
    void the_org_owner_does_not_join_a_room_someone_else_creates() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateRoom(ROOM, ORG, "deploys", "Deploys", null, Actor.human(CREATOR)))
                .expectResultMessagePayloadMatching(room("the owner is not a member",
                        r -> !r.isMember(Actor.human(OWNER))));
    }

    @Test
    void a_room_created_before_roles_existed_had_the_org_owner_join_besides_its_creator() {
        RoomState room = RoomState.created(new RoomCreated(ROOM, ORG, "deploys", "Deploys", null,
                Actor.human(CREATOR), OWNER, Policy.initial(), 1, NOW));

        assertThat(room.members()).extracting(RoomMember::actor)
                .containsExactlyInAnyOrder(Actor.human(OWNER), Actor.human(CREATOR));
    }

    @Test
    void creating_a_room_with_a_slug_already_used_in_the_org_is_a_conflict_naming_the_slug() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateRoom(ROOM, ORG, "taken", "Taken", null, Actor.human(CREATOR)))
                .expectNoEvents()
                .expectException(refusedWith(SLUG_TAKEN, "details.fields naming slug",
                        details -> details.get("fields") instanceof Map<?, ?> fields && fields.containsKey("slug")));
    }

    @Test
    void a_slug_used_in_another_org_is_free_in_this_one() {
        rooms.takeSlug(OTHER_ORG, "deploys");

        fixture.givenCurrentTime(NOW)
                .when(new CreateRoom(ROOM, ORG, "deploys", "Deploys", null, Actor.human(CREATOR)))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(exactSequenceOf(messageWithPayload(instanceOf(RoomCreated.class)), andNoMore()));
    }

    @Test
    void creating_a_room_in_an_unknown_org_is_not_found() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateRoom(ROOM, UNKNOWN_ORG, "deploys", "Deploys", null, Actor.human(CREATOR)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    // --- AddRoomMember ---------------------------------------------------------------------------------------------

    @Test
    void an_agent_of_the_org_can_be_added_to_a_room() {
        givenRoom()
                .when(new AddRoomMember(ROOM, ORG, Actor.agent(AGENT), Actor.human(OWNER)))
                .expectEvents(new MemberAdded(ROOM, ORG, Actor.agent(AGENT), Actor.human(OWNER), NOW))
                .expectResultMessagePayloadMatching(room("the agent is a member",
                        r -> r.isMember(Actor.agent(AGENT))));
    }

    @Test
    void adding_someone_who_is_not_in_the_org_is_not_found() {
        givenRoom()
                .when(new AddRoomMember(ROOM, ORG, Actor.human(STRANGER), Actor.human(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void adding_someone_who_is_already_a_member_is_a_conflict() {
        givenRoom(new MemberAdded(ROOM, ORG, Actor.agent(AGENT), Actor.human(OWNER), NOW))
                .when(new AddRoomMember(ROOM, ORG, Actor.agent(AGENT), Actor.human(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(ALREADY_MEMBER));
    }

    @Test
    void adding_a_member_to_a_room_of_another_org_is_not_found() {
        givenRoom()
                .when(new AddRoomMember(ROOM, OTHER_ORG, Actor.human(STRANGER), Actor.human(STRANGER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    // --- RemoveRoomMember ------------------------------------------------------------------------------------------

    @Test
    void a_member_can_be_removed_from_a_room() {
        givenRoom(new MemberAdded(ROOM, ORG, Actor.agent(AGENT), Actor.human(OWNER), NOW))
                .when(new RemoveRoomMember(ROOM, ORG, AGENT.value(), Actor.human(OWNER)))
                .expectEvents(new MemberRemoved(ROOM, ORG, Actor.agent(AGENT), Actor.human(OWNER), NOW))
                .expectResultMessagePayloadMatching(room("the agent is no longer a member",
                        r -> !r.isMember(Actor.agent(AGENT))));
    }

    @Test
    void removing_someone_who_is_not_a_member_is_not_found() {
        givenRoom()
                .when(new RemoveRoomMember(ROOM, ORG, AGENT.value(), Actor.human(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    /** With roles the owner is one admin among others: a demoted owner must not keep a seat in every room. */
    @Test
    void the_org_owner_can_be_removed_from_a_room_like_any_member() {
        givenRoomCreatedBeforeRoles()
                .when(new RemoveRoomMember(ROOM, ORG, OWNER.value(), Actor.human(CREATOR)))
                .expectEvents(new MemberRemoved(ROOM, ORG, Actor.human(OWNER), Actor.human(CREATOR), NOW))
                .expectResultMessagePayloadMatching(room("the owner is no longer a member",
                        r -> !r.isMember(Actor.human(OWNER))));
    }

    @Test
    void removing_a_member_of_a_room_of_another_org_is_not_found() {
        givenRoom()
                .when(new RemoveRoomMember(ROOM, OTHER_ORG, CREATOR.value(), Actor.human(STRANGER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    // --- UpdatePolicy ----------------------------------------------------------------------------------------------

    @Test
    void updating_the_policy_stores_it_under_the_next_version() {
        Policy lenient = new Policy(DefaultAction.AUTO_APPROVE, 60_000, TimeoutAction.HOLD,
                Map.of("low", 20.0), List.of(new PolicyRule("nothing", RuleEffect.FORBID,
                        List.of(new Condition("metadata.never", ConditionOp.EXISTS, true)))));

        givenRoom(new PolicyUpdated(ROOM, ORG, Policy.initial(), 2, Actor.human(OWNER), NOW))
                .when(new UpdatePolicy(ROOM, ORG, lenient, Actor.human(CREATOR)))
                .expectEvents(new PolicyUpdated(ROOM, ORG, lenient, 3, Actor.human(CREATOR), NOW))
                .expectResultMessagePayloadMatching(room("the new policy at version 3",
                        r -> r.policyVersion() == 3 && r.policy().equals(lenient)));
    }

    @Test
    void an_invalid_policy_is_a_validation_error_naming_each_bad_field() {
        Policy invalid = new Policy(DefaultAction.REQUIRE_APPROVAL, 10, TimeoutAction.CANCEL, Map.of(),
                List.of(new PolicyRule(" ", RuleEffect.FORBID, List.of())));
        Set<String> badFields = Set.of("default_timeout_ms", "rules[0].id", "rules[0].conditions");

        givenRoom()
                .when(new UpdatePolicy(ROOM, ORG, invalid, Actor.human(OWNER)))
                .expectNoEvents()
                .expectException(refusedWith(INVALID,
                        "details.fields naming " + badFields,
                        details -> details.get("fields") instanceof Map<?, ?> fields
                                && fields.keySet().equals(badFields)));
    }

    @Test
    void updating_the_policy_of_a_room_of_another_org_is_not_found() {
        givenRoom()
                .when(new UpdatePolicy(ROOM, OTHER_ORG, Policy.initial(), Actor.human(STRANGER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void a_signal_is_broadcast_with_an_empty_payload_when_none_is_given() {
        SignalId signal = new SignalId("sig_deploy00001");
        rooms.addMember(ROOM, Actor.human(CREATOR));
        givenRoom(new MemberAdded(ROOM, ORG, Actor.agent(AGENT), Actor.human(OWNER), NOW))
                .when(new BroadcastSignal(ROOM, ORG, signal, "deploy.freeze", null, Actor.human(CREATOR)))
                .expectEvents(new SignalBroadcast(ROOM, ORG, signal, "deploy.freeze", Map.of(), Actor.human(CREATOR),
                        NOW))
                .expectResultMessagePayload(new SignalBroadcast(ROOM, ORG, signal, "deploy.freeze", Map.of(),
                        Actor.human(CREATOR), NOW));
    }

    @Test
    void a_human_who_is_neither_a_member_nor_an_admin_may_not_signal_and_neither_may_an_agent() {
        rooms.addMember(ROOM, Actor.agent(AGENT));
        givenRoom()
                .when(new BroadcastSignal(ROOM, ORG, new SignalId("sig_deploy00001"), "x", Map.of(),
                        Actor.human(STRANGER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
        givenRoom()
                .when(new BroadcastSignal(ROOM, ORG, new SignalId("sig_deploy00001"), "x", Map.of(),
                        Actor.agent(AGENT)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_A_MEMBER));
    }

    @Test
    void a_signal_to_a_room_of_another_org_is_not_found() {
        givenRoom()
                .when(new BroadcastSignal(ROOM, OTHER_ORG, new SignalId("sig_deploy00001"), "x", Map.of(),
                        Actor.human(STRANGER)))
                .expectNoEvents()
                .expectException(refusedWith(NOT_FOUND));
    }

    @Test
    void a_room_whose_stream_holds_signals_still_takes_its_commands() {
        givenRoom(new SignalBroadcast(ROOM, ORG, new SignalId("sig_deploy00001"), "x", Map.of("a", 1),
                Actor.human(CREATOR), NOW))
                .when(new AddRoomMember(ROOM, ORG, Actor.agent(AGENT), Actor.human(OWNER)))
                .expectEvents(new MemberAdded(ROOM, ORG, Actor.agent(AGENT), Actor.human(OWNER), NOW));
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private TestExecutor<Room> givenRoom(Object... laterEvents) {
        return fixture.givenCurrentTime(NOW)
                .andGiven(new RoomCreated(ROOM, ORG, "deploys", "Deploys", null, Actor.human(CREATOR), null,
                        Policy.initial(), 1, NOW))
                .andGiven(laterEvents);
    }

    /** Stored before roles: the event names the org's owner, who joined the room too. */
    private TestExecutor<Room> givenRoomCreatedBeforeRoles() {
        return fixture.givenCurrentTime(NOW)
                .andGiven(new RoomCreated(ROOM, ORG, "deploys", "Deploys", null, Actor.human(CREATOR), OWNER,
                        Policy.initial(), 1, NOW));
    }

    private static Matcher<RoomState> room(String description, Predicate<RoomState> test) {
        return resultThat(RoomState.class, description, test);
    }
}
