package io.antechamber.command.webhook;

import io.antechamber.command.lookup.LookupTables;
import io.antechamber.events.delivery.DeliveryAttempted;
import io.antechamber.events.watcher.WatcherEnabled;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherRemoved;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code watcher_failure_streaks} lookup: a watcher's row holds the time of the first failed attempt since its
 * last successful one, and goes away with a success or a re-enable. Kept in the attempt's transaction.
 */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcWatcherFailureStreaks implements WatcherFailureStreaks {

    private final JdbcTemplate jdbc;

    public JdbcWatcherFailureStreaks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> failingSince(WatcherId watcherId) {
        return jdbc.queryForList("SELECT failing_since FROM watcher_failure_streaks WHERE watcher_id = ?",
                Timestamp.class, watcherId.value()).stream().findFirst().map(Timestamp::toInstant);
    }

    @EventHandler
    void on(DeliveryAttempted e) {
        if (e.error() == null) {
            forget(e.watcherId());
        } else {
            jdbc.update("INSERT INTO watcher_failure_streaks (watcher_id, failing_since) VALUES (?, ?) "
                    + "ON CONFLICT (watcher_id) DO NOTHING", e.watcherId().value(), Timestamp.from(e.at()));
        }
    }

    @EventHandler
    void on(WatcherEnabled e) {
        forget(e.watcherId());
    }

    @EventHandler
    void on(WatcherRemoved e) {
        forget(e.watcherId());
    }

    private void forget(WatcherId watcherId) {
        jdbc.update("DELETE FROM watcher_failure_streaks WHERE watcher_id = ?", watcherId.value());
    }
}
