package io.antechamber.command.watcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.command.lookup.LookupTables;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.common.WireEnums;
import io.antechamber.events.watcher.WatcherDisabled;
import io.antechamber.events.watcher.WatcherEnabled;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.events.watcher.WatcherRegistered;
import io.antechamber.events.watcher.WatcherRemoved;
import io.antechamber.events.watcher.WatcherStatus;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code watcher_targets} lookup, kept by the Watcher events in their transaction, and the secrets valid now. */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcWatcherTargets implements WatcherTargets {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> FILTER = new TypeReference<>() {
    };
    private static final String ACTIVE = WatcherStatus.ACTIVE.wire();
    /**
     * A watcher hears its room only while its owner may still read it: an active credential, and a member of the
     * room or (a human) an admin of its org. An agent removed from the room, or deactivated, hears nothing more.
     */
    private static final String OWNER_MAY_WATCH = "EXISTS (SELECT 1 FROM credentials c WHERE c.actor_id = w.owner_id "
            + "AND c.org_id = w.org_id AND c.active AND (c.role = 'ADMIN' OR EXISTS (SELECT 1 FROM room_members m "
            + "WHERE m.room_id = w.room_id AND m.member_id = w.owner_id)))";

    private final JdbcTemplate jdbc;

    public JdbcWatcherTargets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ActiveWatcher> activeInRoom(RoomId roomId) {
        return jdbc.query("SELECT w.watcher_id, w.webhook_url, w.event_types, w.filter, w.created_at "
                        + "FROM watcher_targets w WHERE w.room_id = ? AND w.status = ? AND " + OWNER_MAY_WATCH
                        + " ORDER BY w.created_at, w.watcher_id",
                (rs, i) -> new ActiveWatcher(new WatcherId(rs.getString(1)), rs.getString(2),
                        read(rs.getString(3), STRINGS), read(rs.getString(4), FILTER),
                        rs.getTimestamp(5).toInstant()),
                roomId.value(), ACTIVE);
    }

    @Override
    public Optional<WatcherSigning> signing(WatcherId watcherId) {
        List<String> secrets = jdbc.queryForList("SELECT secret FROM watcher_secrets WHERE watcher_id = ? "
                + "AND (valid_until IS NULL OR valid_until > now()) ORDER BY valid_until DESC NULLS FIRST",
                String.class, watcherId.value());
        return jdbc.query("SELECT webhook_url, status FROM watcher_targets WHERE watcher_id = ?",
                (rs, i) -> new WatcherSigning(rs.getString(1), status(rs.getString(2)), secrets),
                watcherId.value()).stream().findFirst();
    }

    @Override
    public int registeredInRoom(RoomId roomId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM watcher_targets WHERE room_id = ? AND status <> ?",
                Integer.class, roomId.value(), WatcherStatus.REMOVED.wire());
        return count == null ? 0 : count;
    }

    @EventHandler
    void on(WatcherRegistered e) {
        jdbc.update("INSERT INTO watcher_targets (watcher_id, org_id, room_id, owner_type, owner_id, webhook_url, "
                        + "event_types, filter, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?::json, ?::json, ?, ?) "
                        + "ON CONFLICT (watcher_id) DO NOTHING",
                e.watcherId().value(), e.orgId().value(), e.roomId().value(), WireEnums.wire(e.owner().type()),
                e.owner().id(), e.webhookUrl(), write(e.eventTypes()), write(e.filter()), ACTIVE,
                Timestamp.from(e.at()));
    }

    @EventHandler
    void on(WatcherDisabled e) {
        setStatus(e.watcherId(), WatcherStatus.DISABLED);
    }

    @EventHandler
    void on(WatcherEnabled e) {
        setStatus(e.watcherId(), WatcherStatus.ACTIVE);
    }

    @EventHandler
    void on(WatcherRemoved e) {
        setStatus(e.watcherId(), WatcherStatus.REMOVED);
    }

    private void setStatus(WatcherId watcherId, WatcherStatus status) {
        jdbc.update("UPDATE watcher_targets SET status = ? WHERE watcher_id = ?", status.wire(), watcherId.value());
    }

    private static WatcherStatus status(String wire) {
        return WireEnums.parse(WatcherStatus.class, wire)
                .orElseThrow(() -> new IllegalStateException("unknown watcher status in watcher_targets: " + wire));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("watcher field not serializable", e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable watcher field in watcher_targets", e);
        }
    }
}
