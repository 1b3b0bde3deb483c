package io.antechamber.query.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.room.MemberAdded;
import io.antechamber.events.room.MemberRemoved;
import io.antechamber.events.room.PolicyUpdated;
import io.antechamber.events.room.RoomCreated;
import io.antechamber.events.room.RoomEvent;
import io.antechamber.events.room.RoomMember;
import io.antechamber.events.room.RoomState;
import io.antechamber.query.support.Versioned;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Given these events of one room's stream, this row of the room view. */
class RoomViewFoldTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final RoomId ROOM = new RoomId("room_ops0000001");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final HumanId OWNER = new HumanId("hum_owner000001");
    private static final Actor AGENT = Actor.agent(new AgentId("agt_worker00001"));
    private static final Actor REVIEWER = Actor.human(new HumanId("hum_review00001"));

    @Test
    void members_come_and_go_and_the_policy_gets_a_new_version() {
        Versioned<RoomState> row = fold(created(),
                new MemberAdded(ROOM, ORG, AGENT, Actor.human(OWNER), T0.plusSeconds(1)),
                new MemberAdded(ROOM, ORG, REVIEWER, Actor.human(OWNER), T0.plusSeconds(2)),
                new MemberRemoved(ROOM, ORG, REVIEWER, Actor.human(OWNER), T0.plusSeconds(3)),
                new PolicyUpdated(ROOM, ORG, Policy.initial(), 2, Actor.human(OWNER), T0.plusSeconds(4)));

        assertThat(row.version()).isEqualTo(4);
        RoomState room = row.state();
        assertThat(room.slug()).isEqualTo("ops");
        assertThat(room.members()).extracting(RoomMember::actor).containsExactly(Actor.human(OWNER), AGENT);
        assertThat(room.policyVersion()).isEqualTo(2);
        assertThat(room.policyUpdatedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(room.updatedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(room.createdAt()).isEqualTo(T0);
    }

    @Test
    void an_event_the_row_already_has_changes_nothing() {
        Versioned<RoomState> row = fold(created(), new MemberAdded(ROOM, ORG, AGENT, Actor.human(OWNER), T0));

        assertThat(RoomViewFold.next(row, new MemberAdded(ROOM, ORG, REVIEWER, Actor.human(OWNER), T0), 1))
                .isSameAs(row);
    }

    @Test
    void no_row_until_the_room_is_created() {
        assertThat(RoomViewFold.next(null, new MemberAdded(ROOM, ORG, AGENT, Actor.human(OWNER), T0), 1)).isNull();
    }

    private static RoomCreated created() {
        return new RoomCreated(ROOM, ORG, "ops", "Operations", null, Actor.human(OWNER), OWNER, Policy.initial(), 1,
                T0);
    }

    private static Versioned<RoomState> fold(RoomEvent... events) {
        Versioned<RoomState> row = null;
        for (int i = 0; i < events.length; i++) {
            row = RoomViewFold.next(row, events[i], i);
        }
        return row;
    }
}
