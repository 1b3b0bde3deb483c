package io.antechamber.command.watcher;

import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherRemoved;
import io.antechamber.command.lookup.LookupTables;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code watcher_secrets} table. Its writes join the command's transaction (the command bus runs in a Spring
 * transaction), so a secret exists exactly when the event that announced it does.
 */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcWatcherSecrets implements WatcherSecrets {

    private final JdbcTemplate jdbc;

    public JdbcWatcherSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String issue(WatcherId watcherId, Instant at) {
        String secret = WatcherSecretText.generate();
        jdbc.update("INSERT INTO watcher_secrets (watcher_id, secret, created_at) VALUES (?, ?, ?)",
                watcherId.value(), secret, Timestamp.from(at));
        return secret;
    }

    /** Also forgets the secrets whose overlap has ended: nothing signs with them any more. */
    @Override
    public String rotate(WatcherId watcherId, Instant at, Instant previousValidUntil) {
        jdbc.update("DELETE FROM watcher_secrets WHERE watcher_id = ? AND valid_until <= ?", watcherId.value(),
                Timestamp.from(at));
        jdbc.update("UPDATE watcher_secrets SET valid_until = ? WHERE watcher_id = ? AND valid_until IS NULL",
                Timestamp.from(previousValidUntil), watcherId.value());
        return issue(watcherId, at);
    }

    @EventHandler
    void on(WatcherRemoved e) {
        jdbc.update("DELETE FROM watcher_secrets WHERE watcher_id = ?", e.watcherId().value());
    }
}
