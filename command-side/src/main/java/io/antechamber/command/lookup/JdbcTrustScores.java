package io.antechamber.command.lookup;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.trust.TrustAdjusted;
import io.antechamber.events.trust.TrustScore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code trust_scores} table: the score after the last committed adjustment, for policy evaluation. */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcTrustScores implements TrustScores {

    private final JdbcTemplate jdbc;

    public JdbcTrustScores(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public double scoreOf(RoomId roomId, AgentId agentId) {
        return jdbc.queryForList("SELECT score FROM trust_scores WHERE room_id = ? AND agent_id = ?", Double.class,
                roomId.value(), agentId.value()).stream().findFirst().orElse(TrustScore.INITIAL);
    }

    @EventHandler
    void on(TrustAdjusted e) {
        jdbc.update("INSERT INTO trust_scores (room_id, agent_id, score) VALUES (?, ?, ?) "
                + "ON CONFLICT (room_id, agent_id) DO UPDATE SET score = EXCLUDED.score",
                e.roomId().value(), e.agentId().value(), e.scoreAfter());
    }
}
