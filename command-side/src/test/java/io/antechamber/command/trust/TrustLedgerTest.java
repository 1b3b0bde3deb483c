package io.antechamber.command.trust;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.json.EventJson;
import io.antechamber.events.trust.AdjustTrust;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.events.trust.TrustLedgerId;
import io.antechamber.events.trust.TrustOutcome;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustLedgerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
    private static final OrgId ORG = new OrgId("org_acme000001");
    private static final RoomId ROOM = new RoomId("room_deploys0001");
    private static final AgentId AGENT = new AgentId("agt_builder0001");
    private static final String LEDGER = TrustLedgerId.of(ROOM, AGENT);
    private static final CheckInId CHECK_IN = new CheckInId("ci_checkin00001");

    private FixtureConfiguration<TrustLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TrustLedger.class);
        fixture.setReportIllegalStateChange(true);
    }

    @Test
    void the_first_adjustment_opens_the_ledger_at_15_plus_its_delta() {
        fixture.givenCurrentTime(NOW)
                .when(adjust(CHECK_IN, TrustOutcome.APPROVED))
                .expectEvents(adjusted(CHECK_IN, TrustOutcome.APPROVED, 1.0, 16.0));
    }

    @ParameterizedTest(name = "{0} moves a fresh score of 15 by {1} to {2}")
    @CsvSource({
            "APPROVED, 1.0, 16.0",
            "MODIFIED, 0.6, 15.6",
            "REJECTED, -0.3, 14.7",
            "EXPIRED, -0.1, 14.9"})
    void each_outcome_moves_the_score_by_its_weight(TrustOutcome outcome, double delta, double scoreAfter) {
        fixture.givenCurrentTime(NOW)
                .when(adjust(CHECK_IN, outcome))
                .expectEvents(adjusted(CHECK_IN, outcome, delta, scoreAfter));
    }

    @Test
    void an_adjustment_builds_on_the_score_left_by_the_previous_ones() {
        fixture.givenCurrentTime(NOW)
                .andGiven(adjusted(checkIn(1), TrustOutcome.APPROVED, 1.0, 16.0),
                        adjusted(checkIn(2), TrustOutcome.MODIFIED, 0.6, 16.6))
                .when(adjust(CHECK_IN, TrustOutcome.REJECTED))
                .expectEvents(adjusted(CHECK_IN, TrustOutcome.REJECTED, -0.3, 16.3));
    }

    @Test
    void the_score_never_rises_above_100() {
        // 85 approvals take 15 to exactly 100
        fixture.givenCurrentTime(NOW)
                .andGiven(history(85, TrustOutcome.APPROVED))
                .when(adjust(CHECK_IN, TrustOutcome.APPROVED))
                .expectEvents(adjusted(CHECK_IN, TrustOutcome.APPROVED, 0.0, 100.0));
    }

    @Test
    void the_score_never_falls_below_0() {
        // 50 rejections take 15 to exactly 0
        fixture.givenCurrentTime(NOW)
                .andGiven(history(50, TrustOutcome.REJECTED))
                .when(adjust(CHECK_IN, TrustOutcome.REJECTED))
                .expectEvents(adjusted(CHECK_IN, TrustOutcome.REJECTED, 0.0, 0.0));
    }

    /**
     * A ledger snapshotted while it still kept every check-in id it adjusted for (that set went into each snapshot)
     * loads from that JSON and goes on from its score.
     */
    @Test
    void a_ledger_from_a_snapshot_stored_with_its_adjusted_check_ins_goes_on_from_its_score() throws Exception {
        String stored;
        try (InputStream json = getClass().getResourceAsStream("trust-ledger-snapshot-with-adjusted-check-ins.json")) {
            stored = new String(json.readAllBytes(), StandardCharsets.UTF_8);
        }
        TrustLedger restored = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build()
                .deserialize(new SimpleSerializedObject<>(stored, String.class, TrustLedger.class.getName(), null));

        fixture.givenState(() -> restored)
                .andGivenCurrentTime(NOW)
                .when(adjust(CHECK_IN, TrustOutcome.REJECTED))
                .expectEvents(adjusted(CHECK_IN, TrustOutcome.REJECTED, -0.3, 17.3));
    }

    /** {@code count} adjustments of one outcome for distinct check-ins, each clamped as the ledger would. */
    private static List<Object> history(int count, TrustOutcome outcome) {
        List<Object> events = new ArrayList<>();
        long scoreInThousandths = 15_000;
        long deltaInThousandths = Math.round(outcome.delta() * 1000);
        for (int i = 1; i <= count; i++) {
            long before = scoreInThousandths;
            scoreInThousandths = Math.max(0, Math.min(100_000, scoreInThousandths + deltaInThousandths));
            events.add(adjusted(checkIn(i), outcome, (scoreInThousandths - before) / 1000.0,
                    scoreInThousandths / 1000.0));
        }
        return events;
    }

    private static CheckInId checkIn(int n) {
        return new CheckInId(String.format("ci_history%05d", n));
    }

    private static AdjustTrust adjust(CheckInId checkIn, TrustOutcome outcome) {
        return new AdjustTrust(LEDGER, ROOM, ORG, AGENT, checkIn, outcome);
    }

    private static TrustAdjusted adjusted(CheckInId checkIn, TrustOutcome outcome, double delta, double scoreAfter) {
        return new TrustAdjusted(LEDGER, ROOM, ORG, AGENT, checkIn, outcome, delta, scoreAfter, NOW);
    }
}
