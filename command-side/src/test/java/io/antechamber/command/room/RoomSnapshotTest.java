package io.antechamber.command.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.json.EventJson;
import io.antechamber.events.policy.Condition;
import io.antechamber.events.policy.ConditionOp;
import io.antechamber.events.policy.DefaultAction;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyRule;
import io.antechamber.events.policy.RuleEffect;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.room.MemberAdded;
import io.antechamber.events.room.MemberRemoved;
import io.antechamber.events.room.PolicyUpdated;
import io.antechamber.events.room.RoomCreated;
import io.antechamber.events.room.RoomEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A room with many policy updates is loaded from its snapshot, which Axon stores with the events' JSON mapper: the
 * room read back from it must be the one its events made, policy rules and members included.
 */
class RoomSnapshotTest {

    private static final Serializer SNAPSHOTS = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private static final Instant AT = Instant.parse("2026-11-24T10:15:30.5Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final HumanId OWNER = new HumanId("hum_owner000001");
    private static final Actor AGENT = Actor.agent(new AgentId("agt_builder0001"));
    private static final Actor REVIEWER = Actor.human(new HumanId("hum_reviewer001"));

    @Test
    void a_room_with_members_and_a_ruled_policy_comes_back_from_its_snapshot_as_its_events_made_it() {
        Policy rules = new Policy(DefaultAction.REQUIRE_APPROVAL, 600_000L, TimeoutAction.HOLD,
                Map.of("low", 20.0, "medium", 50.5), List.of(
                        new PolicyRule("no-prod-friday", RuleEffect.FORBID, List.of(
                                new Condition("action", ConditionOp.CONTAINS, "production"),
                                new Condition("metadata.day", ConditionOp.IN, List.of("friday", "saturday")))),
                        new PolicyRule("small", RuleEffect.AUTO_APPROVE, List.of(
                                new Condition("metadata.hosts", ConditionOp.LT, 3)))));
        Room room = replayed(
                new RoomCreated(ROOM, ORG, "deploys", "Deploys", "where releases wait", Actor.human(OWNER), OWNER,
                        Policy.initial(), 1, AT),
                new MemberAdded(ROOM, ORG, AGENT, Actor.human(OWNER), AT.plusSeconds(1)),
                new MemberAdded(ROOM, ORG, REVIEWER, Actor.human(OWNER), AT.plusSeconds(2)),
                new PolicyUpdated(ROOM, ORG, rules, 2, REVIEWER, AT.plusSeconds(3)),
                new MemberRemoved(ROOM, ORG, REVIEWER, Actor.human(OWNER), AT.plusSeconds(4)));

        assertThat(roundTripped(room)).usingRecursiveComparison().isEqualTo(room);
    }

    private static Room replayed(RoomEvent... events) {
        Room room = new Room();
        for (RoomEvent event : events) {
            room.on(event);
        }
        return room;
    }

    private static Room roundTripped(Room room) {
        SerializedObject<byte[]> snapshot = SNAPSHOTS.serialize(room, byte[].class);
        return SNAPSHOTS.deserialize(snapshot);
    }
}
