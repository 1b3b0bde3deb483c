package io.antechamber.query.human;

import io.antechamber.events.identity.HumanState;
import io.antechamber.events.identity.OrganizationEvent;
import io.antechamber.query.support.ViewJson;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The human view: one row per human with their folded {@link HumanState} (role and status included); never any key
 * material. A row's version is the sequence number, in its org's stream, of the last event that changed it.
 */
@Component
@ProcessingGroup(HumanViewProjection.PROCESSING_GROUP)
public class HumanViewProjection {

    public static final String PROCESSING_GROUP = "human-view";

    private final JdbcTemplate jdbc;
    private final ViewJson json;

    public HumanViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(OrganizationEvent event, @SequenceNumber long sequenceNumber) {
        String id = HumanState.humanOf(event).value();
        List<HumanState> current = jdbc.query("SELECT state FROM human_view WHERE id = ? FOR UPDATE",
                (rs, i) -> json.read(rs.getString(1), HumanState.class), id);
        if (current.isEmpty()) {
            jdbc.update(HumanViewRows.INSERT, HumanViewRows.row(HumanState.of(event, null), sequenceNumber, json));
            return;
        }
        HumanState next = HumanState.of(event, current.get(0));
        jdbc.update("UPDATE human_view SET version = ?, state = ?::json WHERE id = ? AND version < ?",
                sequenceNumber, json.write(next), id, sequenceNumber);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE human_view");
    }
}
