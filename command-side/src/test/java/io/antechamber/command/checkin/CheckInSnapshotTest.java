package io.antechamber.command.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.checkin.Attachment;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.CheckInModified;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.checkin.HelpRequested;
import io.antechamber.events.checkin.HelperJoined;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.MessageType;
import io.antechamber.events.checkin.ResultSubmitted;
import io.antechamber.events.checkin.TaskClaimed;
import io.antechamber.events.checkin.TaskModified;
import io.antechamber.events.checkin.TaskPosted;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.MessageId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.json.EventJson;
import io.antechamber.events.policy.DecisionSource;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * A check-in with a long thread is loaded from its snapshot, which Axon stores with the events' JSON mapper: the
 * check-in read back from it must be the one its events made, or a command after the snapshot would decide on
 * another state than a command before it.
 */
class CheckInSnapshotTest {

    private static final Serializer SNAPSHOTS = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private static final Instant AT = Instant.parse("2026-11-25T09:00:00.123456789Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final AgentId AGENT = new AgentId("agt_builder0001");
    private static final Actor WORKER = Actor.agent(AGENT);
    private static final Actor HELPER = Actor.agent(new AgentId("agt_helper00001"));
    private static final Actor LEAD = Actor.human(new HumanId("hum_lead0000001"));
    private static final CheckInId ID = new CheckInId("ci_checkin00001");

    @Test
    void an_agents_decided_check_in_with_a_thread_comes_back_from_its_snapshot_as_its_events_made_it() {
        CheckIn checkIn = replayed(
                new CheckInCreated(ID, ROOM, ORG, WORKER, "deploy", "release 42", RiskLevel.HIGH, Urgency.HIGH,
                        Map.of("ticket", "OPS-1", "hosts", List.of("a", "b"), "canary", Map.of("share", 0.05)),
                        CheckInStatus.PENDING, 3_600_000L, TimeoutAction.AUTO_APPROVE, AT.plusSeconds(3600),
                        new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT, null, 15.5, 3),
                        AT),
                message(WORKER, "ready when you are", 1),
                message(LEAD, "one question", 2),
                new CheckInModified(ID, ROOM, ORG, AGENT, LEAD, Map.of("hosts", List.of("a")), "one host first",
                        AT.plusSeconds(60)),
                message(WORKER, "done", 3));

        assertThat(roundTripped(checkIn)).usingRecursiveComparison().isEqualTo(checkIn);
    }

    @Test
    void a_task_with_a_helper_and_a_requested_change_comes_back_from_its_snapshot_as_its_events_made_it() {
        CheckIn task = replayed(
                new TaskPosted(ID, ROOM, ORG, LEAD, "rotate the keys", null, Urgency.NORMAL, Map.of(), null, null, AT),
                new TaskClaimed(ID, ROOM, ORG, WORKER, AT.plusSeconds(1)),
                new HelpRequested(ID, ROOM, ORG, WORKER, "two clusters", AT.plusSeconds(2)),
                new HelperJoined(ID, ROOM, ORG, HELPER, AT.plusSeconds(3)),
                new ResultSubmitted(ID, ROOM, ORG, WORKER, "rotated", Map.of("keys", 12), List.of(
                        new Attachment("log.txt", "https://files.example/log.txt", "text/plain", 512L)),
                        AT.plusSeconds(4)),
                new TaskModified(ID, ROOM, ORG, LEAD, Map.of("also", "staging"), null, AT.plusSeconds(5)));

        assertThat(roundTripped(task)).usingRecursiveComparison().isEqualTo(task);
    }

    private static MessagePosted message(Actor by, String content, int n) {
        return new MessagePosted(ID, ROOM, ORG, new MessageId(String.format("msg_message%05d", n)), by,
                MessageType.COMMENT, content, Map.of(), List.of(), AT.plusSeconds(n));
    }

    private static CheckIn replayed(CheckInEvent... events) {
        CheckIn checkIn = new CheckIn();
        for (int sequence = 0; sequence < events.length; sequence++) {
            checkIn.on(events[sequence], sequence);
        }
        return checkIn;
    }

    private static CheckIn roundTripped(CheckIn checkIn) {
        SerializedObject<byte[]> snapshot = SNAPSHOTS.serialize(checkIn, byte[].class);
        return SNAPSHOTS.deserialize(snapshot);
    }
}
