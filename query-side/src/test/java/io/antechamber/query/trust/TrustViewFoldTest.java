package io.antechamber.query.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.events.trust.TrustLedgerId;
import io.antechamber.events.trust.TrustOutcome;
import io.antechamber.query.trust.TrustViewFold.AgentTrust;
import io.antechamber.query.trust.TrustViewFold.CountedCheckIn;
import io.antechamber.query.trust.TrustViewFold.HistoryRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Given these check-ins and adjustments, these rows of the trust view: one per counted check-in, one per
 * adjustment, one per agent per room with the score. Each event is folded as the live handler does, a check-in's
 * second adjustment ignored as the history's key makes the handler ignore it.
 */
class TrustViewFoldTest {

    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final RoomId ROOM = new RoomId("room_ops0000001");
    private static final RoomId OTHER_ROOM = new RoomId("room_dev0000001");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final AgentId AGENT = new AgentId("agt_worker00001");
    private static final Actor LEAD = Actor.human(new HumanId("hum_lead0000001"));

    private final List<CountedCheckIn> checkIns = new ArrayList<>();
    private final Map<String, HistoryRow> history = new LinkedHashMap<>();
    private final Map<String, AgentTrust> agents = new LinkedHashMap<>();

    @Test
    void every_check_in_adds_a_row_the_first_makes_the_agents_row_and_adjustments_set_its_score() {
        created("ci_1000000000000001", ROOM, Actor.agent(AGENT), T0);
        created("ci_1000000000000002", ROOM, Actor.agent(AGENT), T0.plusSeconds(1));
        adjusted("ci_1000000000000001", ROOM, TrustOutcome.APPROVED, 1.0, 16.0, T0.plusSeconds(2));
        created("ci_1000000000000003", ROOM, Actor.agent(AGENT), T0.plusSeconds(3));
        adjusted("ci_1000000000000002", ROOM, TrustOutcome.REJECTED, -0.3, 15.7, T0.plusSeconds(4));

        assertThat(checkIns).extracting(CountedCheckIn::checkInId)
                .containsExactly("ci_1000000000000001", "ci_1000000000000002", "ci_1000000000000003");
        assertThat(checkIns).extracting(CountedCheckIn::agentId).containsOnly(AGENT.value());
        assertThat(history.values()).containsExactly(
                new HistoryRow("ci_1000000000000001", ROOM.value(), AGENT.value(), T0.plusSeconds(2), "approved", 1.0,
                        16.0),
                new HistoryRow("ci_1000000000000002", ROOM.value(), AGENT.value(), T0.plusSeconds(4), "rejected", -0.3,
                        15.7));
        assertThat(agents.values()).containsExactly(new AgentTrust(ROOM.value(), AGENT.value(), ORG.value(), 15.7,
                T0.plusSeconds(4)));
    }

    @Test
    void an_agent_whose_check_ins_are_not_decided_yet_has_the_initial_score_since_its_first() {
        created("ci_2000000000000001", ROOM, Actor.agent(AGENT), T0);
        created("ci_2000000000000002", ROOM, Actor.agent(AGENT), T0.plusSeconds(9));

        assertThat(agents.values()).containsExactly(new AgentTrust(ROOM.value(), AGENT.value(), ORG.value(), 15.0,
                T0));
    }

    @Test
    void trust_is_kept_per_room_and_a_humans_check_in_counts_for_no_one() {
        created("ci_3000000000000001", ROOM, Actor.agent(AGENT), T0);
        created("ci_3000000000000002", OTHER_ROOM, Actor.agent(AGENT), T0.plusSeconds(1));
        created("ci_3000000000000003", ROOM, LEAD, T0.plusSeconds(2));
        adjusted("ci_3000000000000002", OTHER_ROOM, TrustOutcome.EXPIRED, -0.1, 14.9, T0.plusSeconds(3));

        assertThat(checkIns).extracting(CountedCheckIn::roomId).containsExactly(ROOM.value(), OTHER_ROOM.value());
        assertThat(agents.values()).containsExactly(
                new AgentTrust(ROOM.value(), AGENT.value(), ORG.value(), 15.0, T0),
                new AgentTrust(OTHER_ROOM.value(), AGENT.value(), ORG.value(), 14.9, T0.plusSeconds(3)));
    }

    @Test
    void a_second_adjustment_for_the_same_check_in_adds_nothing() {
        created("ci_4000000000000001", ROOM, Actor.agent(AGENT), T0);
        adjusted("ci_4000000000000001", ROOM, TrustOutcome.MODIFIED, 0.6, 15.6, T0.plusSeconds(1));
        adjusted("ci_4000000000000001", ROOM, TrustOutcome.APPROVED, 1.0, 16.6, T0.plusSeconds(2));

        assertThat(history).hasSize(1);
        assertThat(agents.values()).extracting(AgentTrust::score).containsExactly(15.6);
    }

    private void created(String checkInId, RoomId room, Actor by, Instant at) {
        CreatedCheckIn event = new CreatedCheckIn(new CheckInId(checkInId), room, ORG, by, at);
        TrustViewFold.counted(event).ifPresent(counted -> {
            checkIns.add(counted);
            agents.compute(room.value() + "/" + counted.agentId(), (key, row) -> TrustViewFold.agent(row, event));
        });
    }

    private void adjusted(String checkInId, RoomId room, TrustOutcome outcome, double delta, double after,
            Instant at) {
        TrustAdjusted event = new TrustAdjusted(TrustLedgerId.of(room, AGENT), room, ORG, AGENT,
                new CheckInId(checkInId), outcome, delta, after, at);
        if (history.putIfAbsent(checkInId, TrustViewFold.history(event)) == null) {
            agents.put(room.value() + "/" + AGENT.value(), TrustViewFold.adjusted(event));
        }
    }
}
