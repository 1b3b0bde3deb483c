package io.antechamber.query.watcher;

import io.antechamber.events.watcher.WatcherEvent;
import io.antechamber.events.watcher.WatcherState;
import io.antechamber.query.support.Versioned;
import io.antechamber.query.support.ViewJson;
import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The watcher view: one row per watcher, {@link WatcherViewFold folded}; never a secret (no event carries one). */
@Component
@ProcessingGroup(WatcherViewProjection.PROCESSING_GROUP)
public class WatcherViewProjection {

    public static final String PROCESSING_GROUP = "watcher-view";

    private final ViewTables live;
    private final ViewJson json;

    public WatcherViewProjection(JdbcTemplate jdbc, ViewJson json) {
        this.live = ViewTables.live(jdbc);
        this.json = json;
    }

    @EventHandler
    void on(WatcherEvent event, @SequenceNumber long sequenceNumber) {
        write(event, sequenceNumber, live);
    }

    /** Folds the event into its watcher's row in {@code tables}, read locked. */
    void write(WatcherEvent event, long sequenceNumber, ViewTables tables) {
        JdbcTemplate jdbc = tables.jdbc();
        List<Versioned<WatcherState>> current = jdbc.query(tables.sql(WatcherViewRows.READ_LOCKED),
                (rs, i) -> WatcherViewRows.read(rs, json), event.watcherId().value());
        Versioned<WatcherState> row = current.isEmpty() ? null : current.get(0);
        Versioned<WatcherState> next = WatcherViewFold.next(row, event, sequenceNumber);
        if (next == row) {
            return;
        }
        if (row == null) {
            jdbc.update(tables.sql(WatcherViewRows.INSERT), WatcherViewRows.row(next, json));
        } else {
            jdbc.update(tables.sql(WatcherViewRows.UPDATE), WatcherViewRows.update(next));
        }
    }
}
