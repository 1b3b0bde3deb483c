package io.antechamber.command.lookup;

import io.antechamber.events.trust.TrustAdjusted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code trust_scores} table: the score after the last committed adjustment, for policy evaluation (read by
 * {@link JdbcAgentsInRooms}).
 */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcTrustScores {

    private final JdbcTemplate jdbc;

    public JdbcTrustScores(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TrustAdjusted e) {
        jdbc.update("INSERT INTO trust_scores (room_id, agent_id, score) VALUES (?, ?, ?) "
                + "ON CONFLICT (room_id, agent_id) DO UPDATE SET score = EXCLUDED.score",
                e.roomId().value(), e.agentId().value(), e.scoreAfter());
    }
}
