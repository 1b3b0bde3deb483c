package io.antechamber.query.watcher;

import io.antechamber.events.query.FindRoomWatchers;
import io.antechamber.events.query.FindWatcher;
import io.antechamber.events.watcher.WatcherState;
import io.antechamber.events.watcher.WatcherStatus;
import io.antechamber.query.support.KeysetPages;
import io.antechamber.query.support.Page;
import io.antechamber.query.support.ViewJson;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers watcher queries from the watcher view; a removed watcher is answered like a missing one. */
@Component
public class WatcherViewQueries {

    private static final String REMOVED = WatcherStatus.REMOVED.wire();

    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final KeysetPages pages;

    public WatcherViewQueries(JdbcTemplate jdbc, ViewJson json, KeysetPages pages) {
        this.jdbc = jdbc;
        this.json = json;
        this.pages = pages;
    }

    @QueryHandler
    public Optional<WatcherState> handle(FindWatcher query) {
        return jdbc.query("SELECT " + WatcherViewRows.COLUMNS + " FROM watcher_view "
                        + "WHERE id = ? AND org_id = ? AND status <> ?",
                (rs, i) -> WatcherViewRows.read(rs, json).state(), query.watcherId().value(), query.orgId().value(),
                REMOVED).stream().findFirst();
    }

    /** Declared raw: Axon matches query response types by class, and {@code Page<X>} is not {@code Page}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Page handle(FindRoomWatchers query) {
        return pages.fetch(WatcherViewRows.COLUMNS, "watcher_view WHERE room_id = ? AND org_id = ? AND status <> ?",
                List.of(query.roomId().value(), query.orgId().value(), REMOVED), query.page(),
                (rs, i) -> WatcherViewRows.read(rs, json).state());
    }
}
