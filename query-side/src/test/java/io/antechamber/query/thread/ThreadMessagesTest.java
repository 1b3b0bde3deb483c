package io.antechamber.query.thread;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.checkin.CheckInApproved;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInExpired;
import io.antechamber.events.checkin.CheckInRejected;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.CheckInWithdrawn;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.MessageType;
import io.antechamber.events.checkin.TaskModified;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.events.checkin.ThreadMessage;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The thread view's fold: given these events, these rows (messages). What the system writes to a thread for the
 * events no HTTP test can cause on demand, and how its ids are made.
 */
class ThreadMessagesTest {

    private static final Instant AT = Instant.parse("2026-11-25T03:00:00Z");
    private static final CheckInId CHECK_IN = new CheckInId("ci_0123456789abcdef");
    private static final RoomId ROOM = new RoomId("room_ops0000001");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final AgentId AGENT = new AgentId("agt_worker00001");
    private static final Actor LEAD = Actor.human(new HumanId("hum_lead0000001"));

    @Test
    void a_check_in_that_times_out_gets_a_status_change_by_the_system_and_no_decision() {
        List<ThreadMessage> messages = ThreadMessages.of(
                new CheckInExpired(CHECK_IN, ROOM, ORG, AGENT, Actor.SYSTEM, AT), 1);

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo(MessageType.STATUS_CHANGE);
            assertThat(m.author()).isEqualTo(Actor.SYSTEM);
            assertThat(m.metadata()).isEqualTo(Map.of("from", "pending", "to", "expired"));
            assertThat(m.createdAt()).isEqualTo(AT);
        });
    }

    @Test
    void a_timeout_auto_approval_is_a_decision_by_the_system_then_the_status_change() {
        List<ThreadMessage> messages = ThreadMessages.of(new CheckInApproved(CHECK_IN, ROOM, ORG, AGENT, Actor.SYSTEM,
                "timed out: auto_approve", AT), 1);

        assertThat(messages).extracting(ThreadMessage::type)
                .containsExactly(MessageType.DECISION, MessageType.STATUS_CHANGE);
        assertThat(messages.get(0).content()).isEqualTo("timed out: auto_approve");
        assertThat(messages.get(0).metadata()).isEmpty();
        assertThat(messages).extracting(ThreadMessage::author).containsOnly(Actor.SYSTEM);
    }

    @Test
    void a_withdrawal_is_a_status_change_by_the_agent() {
        List<ThreadMessage> messages = ThreadMessages.of(new CheckInWithdrawn(CHECK_IN, ROOM, ORG, AGENT,
                Actor.agent(AGENT), AT), 1);

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.author()).isEqualTo(Actor.agent(AGENT));
            assertThat(m.content()).isEqualTo("status changed from pending to withdrawn");
        });
    }

    @Test
    void creating_a_check_in_or_posting_a_task_writes_nothing() {
        assertThat(ThreadMessages.of(new CheckInCreated(CHECK_IN, ROOM, ORG, Actor.agent(AGENT), "deploy", null,
                RiskLevel.LOW, Urgency.NORMAL, Map.of(), CheckInStatus.APPROVED, 1000, TimeoutAction.CANCEL, null,
                new PolicyDecision(PolicyOutcome.AUTO_APPROVE, DecisionSource.TRUST, null, 80.0, 1), AT), 0))
                .isEmpty();
        assertThat(ThreadMessages.of(new TaskPosted(CHECK_IN, ROOM, ORG, LEAD, "rotate", null, Urgency.NORMAL,
                Map.of(), null, null, AT), 0)).isEmpty();
    }

    @Test
    void a_check_ins_stream_gives_its_thread_a_posted_message_then_the_decision_and_the_status_change() {
        MessageId posted = new MessageId("msg_00000000000000000000000001");
        List<CheckInEvent> stream = List.of(
                new CheckInCreated(CHECK_IN, ROOM, ORG, Actor.agent(AGENT), "deploy", null, RiskLevel.HIGH,
                        Urgency.NORMAL, Map.of(), CheckInStatus.PENDING, 1000, TimeoutAction.CANCEL, null,
                        new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15.0, 1), AT),
                new MessagePosted(CHECK_IN, ROOM, ORG, posted, LEAD, MessageType.QUESTION, "which region?",
                        Map.of(), List.of(), AT.plusSeconds(1)),
                new CheckInRejected(CHECK_IN, ROOM, ORG, AGENT, LEAD, "not today", AT.plusSeconds(2)));

        List<ThreadMessage> thread = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            thread.addAll(ThreadMessages.of(stream.get(i), i));
        }

        assertThat(thread).extracting(m -> m.type().wire() + " " + m.author().id() + " " + m.content())
                .containsExactly("question " + LEAD.id() + " which region?",
                        "decision " + LEAD.id() + " not today",
                        "status_change " + LEAD.id() + " status changed from pending to rejected");
        assertThat(thread.get(0).id()).isEqualTo(posted);
        assertThat(thread).extracting(ThreadMessage::createdAt)
                .containsExactly(AT.plusSeconds(1), AT.plusSeconds(2), AT.plusSeconds(2));
        assertThat(thread.get(2).metadata()).isEqualTo(Map.of("from", "pending", "to", "rejected"));
    }

    @Test
    void ids_follow_the_stream_so_a_rebuild_repeats_them_and_they_sort_in_thread_order() {
        TaskModified modified = new TaskModified(CHECK_IN, ROOM, ORG, LEAD, Map.of("also", "eu"), "more", AT);

        List<ThreadMessage> first = ThreadMessages.of(modified, 37);
        List<ThreadMessage> again = ThreadMessages.of(modified, 37);
        List<ThreadMessage> later = ThreadMessages.of(modified, 38);

        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(m -> m.id().value())
                .containsExactly("msg_000000440123456789abcdef", "msg_000000450123456789abcdef");
        assertThat(first.get(1).id().value()).isLessThan(later.get(0).id().value());
        assertThat(first.get(0).metadata()).isEqualTo(Map.of("also", "eu"));
    }
}
