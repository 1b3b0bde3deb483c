package io.antechamber.query.trust;

import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.events.trust.TrustScore;
import io.antechamber.query.support.Timestamps;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Trust scores, counters and history per agent per room. The score is the one the ledger recorded in
 * {@link TrustAdjusted}, never recomputed here; counters move only when a row keyed by the check-in is new, so a
 * redelivered or replayed event counts once.
 */
@Component
@ProcessingGroup(TrustViewProjection.PROCESSING_GROUP)
public class TrustViewProjection {

    public static final String PROCESSING_GROUP = "trust-view";

    private final JdbcTemplate jdbc;

    public TrustViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CheckInCreated event) {
        if (!event.createdBy().isAgent()) {
            return;
        }
        int fresh = jdbc.update(TrustViewRows.COUNTED_CHECK_IN, event.checkInId().value());
        if (fresh > 0) {
            jdbc.update("INSERT INTO trust_view (room_id, agent_id, org_id, score, total_check_ins, updated_at) "
                            + "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (room_id, agent_id) DO UPDATE "
                            + "SET total_check_ins = trust_view.total_check_ins + 1",
                    event.roomId().value(), event.createdBy().id(), event.orgId().value(), TrustScore.INITIAL,
                    Timestamps.of(event.at()));
        }
    }

    @EventHandler
    void on(TrustAdjusted event) {
        int fresh = jdbc.update(TrustViewRows.HISTORY, TrustViewRows.history(event));
        if (fresh == 0) {
            return;
        }
        String counter = event.outcome().wire() + "_count";
        jdbc.update("INSERT INTO trust_view (room_id, agent_id, org_id, score, " + counter + ", updated_at) "
                        + "VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (room_id, agent_id) DO UPDATE SET score = EXCLUDED.score, "
                        + counter + " = trust_view." + counter + " + 1, updated_at = EXCLUDED.updated_at",
                event.roomId().value(), event.agentId().value(), event.orgId().value(), event.scoreAfter(),
                Timestamps.of(event.at()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE trust_view, trust_view_check_ins, trust_history");
    }
}
