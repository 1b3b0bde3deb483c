package io.antechamber.query.delivery;

import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.common.WireEnums;
import io.antechamber.events.delivery.DeliveryId;
import io.antechamber.events.delivery.DeliveryLogEntry;
import io.antechamber.events.delivery.DeliveryStatus;
import io.antechamber.events.watcher.WatcherId;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.Versioned;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * How a delivery becomes a row of {@code webhook_delivery_view}: the statements of the live handler and the rebuild
 * ({@code {webhook_delivery_view}} is the live table or its shadow).
 */
final class DeliveryViewRows {

    static final String TABLE = "webhook_delivery_view";

    static final String COLUMNS = "id, watcher_id, org_id, room_id, event_id, event_type, status, attempts, "
            + "last_attempt_at, next_attempt_at, response_status, last_error, created_at, version";

    static final String INSERT = "INSERT INTO {webhook_delivery_view} (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY {webhook_delivery_view} (" + COLUMNS + ") FROM STDIN";

    static final String READ_LOCKED = "SELECT " + COLUMNS + " FROM {webhook_delivery_view} WHERE id = ? FOR UPDATE";

    static final String UPDATE = "UPDATE {webhook_delivery_view} SET status = ?, attempts = ?, last_attempt_at = ?, "
            + "next_attempt_at = ?, response_status = ?, last_error = ?, version = ? WHERE id = ?";

    private DeliveryViewRows() {
    }

    static Object[] row(Versioned<DeliveryLogEntry> row) {
        DeliveryLogEntry e = row.state();
        return new Object[] {e.id().value(), e.watcherId().value(), e.orgId().value(), e.roomId().value(),
                e.eventId(), e.eventType(), WireEnums.wire(e.status()), e.attempts(), ts(e.lastAttemptAt()),
                ts(e.nextAttemptAt()), e.responseStatus(), e.lastError(), ts(e.createdAt()), row.version()};
    }

    static Object[] update(Versioned<DeliveryLogEntry> row) {
        DeliveryLogEntry e = row.state();
        return new Object[] {WireEnums.wire(e.status()), e.attempts(), ts(e.lastAttemptAt()), ts(e.nextAttemptAt()),
                e.responseStatus(), e.lastError(), row.version(), e.id().value()};
    }

    static Versioned<DeliveryLogEntry> read(ResultSet rs) throws SQLException {
        return new Versioned<>(entry(rs), rs.getLong("version"));
    }

    static DeliveryLogEntry entry(ResultSet rs) throws SQLException {
        return new DeliveryLogEntry(new DeliveryId(rs.getString("id")), new WatcherId(rs.getString("watcher_id")),
                new OrgId(rs.getString("org_id")), new RoomId(rs.getString("room_id")), rs.getLong("event_id"),
                rs.getString("event_type"), status(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getTimestamp("last_attempt_at")), instant(rs.getTimestamp("next_attempt_at")),
                rs.getObject("response_status", Integer.class), rs.getString("last_error"),
                instant(rs.getTimestamp("created_at")));
    }

    private static DeliveryStatus status(String wire) {
        return WireEnums.parse(DeliveryStatus.class, wire)
                .orElseThrow(() -> new IllegalStateException("unknown delivery status " + wire));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamps.of(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
