package io.antechamber.query.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.Direction;
import io.antechamber.events.checkin.HelpRequested;
import io.antechamber.events.checkin.HelperJoined;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.MessageType;
import io.antechamber.events.checkin.Participant;
import io.antechamber.events.checkin.ParticipantRole;
import io.antechamber.events.checkin.ResultSubmitted;
import io.antechamber.events.checkin.TaskApproved;
import io.antechamber.events.checkin.TaskClaimed;
import io.antechamber.events.checkin.TaskModified;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.events.checkin.TaskReleased;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.MessageId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.DecisionSource;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given these events of one check-in's or task's stream, this row of the check-in view. */
class CheckInViewFoldTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final CheckInId ID = new CheckInId("ci_0123456789abcdef");
    private static final RoomId ROOM = new RoomId("room_ops0000001");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final AgentId AGENT = new AgentId("agt_worker00001");
    private static final AgentId HELPER = new AgentId("agt_helper00001");
    private static final Actor LEAD = Actor.human(new HumanId("hum_lead0000001"));

    @Test
    void a_pending_check_in_that_is_modified_holds_the_decision_and_the_last_events_place() {
        CheckInState row = fold(created(CheckInStatus.PENDING),
                new CheckInModified(ID, ROOM, ORG, AGENT, LEAD, Map.of("target", "staging"), "not prod", T0.plusSeconds(5)));

        assertThat(row.id()).isEqualTo(ID);
        assertThat(row.direction()).isEqualTo(Direction.AGENT_TO_HUMAN);
        assertThat(row.status()).isEqualTo(CheckInStatus.MODIFIED);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.createdAt()).isEqualTo(T0);
        assertThat(row.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(row.decision().by()).isEqualTo(LEAD);
        assertThat(row.decision().modifications()).isEqualTo(Map.of("target", "staging"));
        assertThat(row.participants()).containsExactly(new Participant(Actor.agent(AGENT), ParticipantRole.PRIMARY, T0));
    }

    @Test
    void a_check_in_the_policy_approved_is_final_from_its_creation_with_the_system_as_decider() {
        CheckInState row = fold(created(CheckInStatus.APPROVED));

        assertThat(row.status()).isEqualTo(CheckInStatus.APPROVED);
        assertThat(row.version()).isZero();
        assertThat(row.decision().by()).isEqualTo(Actor.SYSTEM);
        assertThat(row.decision().reason()).isEqualTo("policy: trust");
    }

    @Test
    void a_task_moves_through_its_workers_and_a_message_changes_nothing_but_keeps_its_place() {
        CheckInState row = fold(new TaskPosted(ID, ROOM, ORG, LEAD, "rotate keys", null, Urgency.HIGH, Map.of(), null,
                        null, T0),
                new TaskClaimed(ID, ROOM, ORG, Actor.agent(AGENT), T0.plusSeconds(1)),
                new TaskReleased(ID, ROOM, ORG, Actor.agent(AGENT), T0.plusSeconds(2)),
                new TaskClaimed(ID, ROOM, ORG, Actor.agent(AGENT), T0.plusSeconds(3)),
                new HelpRequested(ID, ROOM, ORG, Actor.agent(AGENT), "eu access?", T0.plusSeconds(4)),
                new HelperJoined(ID, ROOM, ORG, Actor.agent(HELPER), T0.plusSeconds(5)),
                new MessagePosted(ID, ROOM, ORG, new MessageId("msg_00000000000000000000000001"), Actor.agent(HELPER),
                        MessageType.COMMENT, "on it", Map.of(), List.of(), T0.plusSeconds(6)),
                new ResultSubmitted(ID, ROOM, ORG, Actor.agent(AGENT), "done", Map.of(), List.of(), T0.plusSeconds(7)),
                new TaskModified(ID, ROOM, ORG, LEAD, Map.of("also", "eu"), "more", T0.plusSeconds(8)),
                new ResultSubmitted(ID, ROOM, ORG, Actor.agent(AGENT), "done, eu too", Map.of(), List.of(),
                        T0.plusSeconds(9)),
                new TaskApproved(ID, ROOM, ORG, LEAD, "thanks", T0.plusSeconds(10)));

        assertThat(row.direction()).isEqualTo(Direction.HUMAN_TO_AGENT);
        assertThat(row.status()).isEqualTo(CheckInStatus.APPROVED);
        assertThat(row.version()).isEqualTo(10);
        assertThat(row.updatedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(row.helpRequested()).isTrue();
        assertThat(row.participants()).extracting(p -> p.actor().id() + ":" + p.role().wire())
                .containsExactly(AGENT.value() + ":primary", HELPER.value() + ":helper");
        assertThat(row.decision().outcome()).isEqualTo(CheckInStatus.APPROVED);
    }

    @Test
    void an_event_the_row_already_has_changes_nothing() {
        CheckInState approved = fold(created(CheckInStatus.PENDING),
                new CheckInApproved(ID, ROOM, ORG, AGENT, LEAD, "ok", T0.plusSeconds(1)));

        CheckInState again = CheckInViewFold.next(approved,
                new CheckInModified(ID, ROOM, ORG, AGENT, LEAD, Map.of(), "late", T0.plusSeconds(2)), 1);

        assertThat(again).isSameAs(approved);
        assertThat(CheckInViewFold.next(approved, created(CheckInStatus.PENDING), 0)).isSameAs(approved);
    }

    @Test
    void a_resolution_of_a_check_in_without_a_row_makes_none() {
        assertThat(CheckInViewFold.next(null, new CheckInApproved(ID, ROOM, ORG, AGENT, LEAD, "ok", T0), 1)).isNull();
    }

    private static CheckInCreated created(CheckInStatus status) {
        return new CheckInCreated(ID, ROOM, ORG, Actor.agent(AGENT), "deploy", "release 4", RiskLevel.HIGH,
                Urgency.NORMAL, Map.of("n", 1), status, 3_600_000, TimeoutAction.CANCEL, T0.plusSeconds(3600),
                new PolicyDecision(status == CheckInStatus.PENDING ? PolicyOutcome.REQUIRE_APPROVAL
                        : PolicyOutcome.AUTO_APPROVE, status == CheckInStatus.PENDING ? DecisionSource.DEFAULT
                        : DecisionSource.TRUST, null, 15.0, 1), T0);
    }

    /** The row after each event in turn, the n-th at sequence number n. */
    private static CheckInState fold(CheckInEvent... events) {
        CheckInState row = null;
        for (int i = 0; i < events.length; i++) {
            row = CheckInViewFold.next(row, events[i], i);
        }
        return row;
    }
}
