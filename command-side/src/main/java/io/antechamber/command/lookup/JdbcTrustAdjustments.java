package io.antechamber.command.lookup;

import io.antechamber.events.trust.TrustAdjusted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code trust_adjustments} table: one row per check-in that moved trust. Its primary key is what makes an
 * adjustment happen at most once per check-in: a second one fails its transaction here, with the command that sent
 * it.
 */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcTrustAdjustments {

    private final JdbcTemplate jdbc;

    public JdbcTrustAdjustments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TrustAdjusted e) {
        jdbc.update("INSERT INTO trust_adjustments (check_in_id) VALUES (?)", e.checkInId().value());
    }
}
