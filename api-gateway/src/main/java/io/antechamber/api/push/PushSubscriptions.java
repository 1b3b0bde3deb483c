package io.antechamber.api.push;

import io.antechamber.events.common.HumanId;
import io.antechamber.events.common.OrgId;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code push_subscriptions} table (V21): one row per browser, keyed by its endpoint. */
@Component
public class PushSubscriptions {

    private final JdbcTemplate jdbc;

    public PushSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the browser's subscription for this human; the same endpoint again updates its keys and owner (the
     * browser's push subscription is one, whoever signed in on it last). Returns when it was first stored.
     */
    Instant save(OrgId org, HumanId human, String endpoint, String p256dh, String auth, Instant now) {
        return jdbc.queryForObject("INSERT INTO push_subscriptions (endpoint, org_id, human_id, p256dh, auth,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (endpoint) DO UPDATE SET"
                + " org_id = excluded.org_id, human_id = excluded.human_id, p256dh = excluded.p256dh,"
                + " auth = excluded.auth, updated_at = excluded.updated_at RETURNING created_at",
                Timestamp.class, endpoint, org.value(), human.value(), p256dh, auth, Timestamp.from(now),
                Timestamp.from(now)).toInstant();
    }

    /** Removes this human's subscription of that endpoint; false when there was none. */
    boolean remove(HumanId human, String endpoint) {
        return jdbc.update("DELETE FROM push_subscriptions WHERE endpoint = ? AND human_id = ?", endpoint,
                human.value()) > 0;
    }

    /** The push service said the subscription is gone (404, 410). */
    void forget(String endpoint) {
        jdbc.update("DELETE FROM push_subscriptions WHERE endpoint = ?", endpoint);
    }

    /**
     * The browsers of the room's human members whose key is active: a human removed from the room, or deactivated,
     * gets nothing.
     */
    List<StoredSubscription> ofRoomMembers(String roomId) {
        return jdbc.query("SELECT s.endpoint, s.p256dh, s.auth FROM push_subscriptions s"
                + " JOIN room_members m ON m.member_id = s.human_id AND m.member_type = 'HUMAN' AND m.room_id = ?"
                + " JOIN credentials c ON c.actor_id = s.human_id AND c.actor_type = 'HUMAN' AND c.active"
                + " AND c.org_id = s.org_id ORDER BY s.endpoint",
                (row, i) -> new StoredSubscription(row.getString(1), row.getString(2), row.getString(3)), roomId);
    }

    /** The name of a room for a notification: its name, or its slug. */
    String roomName(String roomId) {
        List<String> names = jdbc.queryForList("SELECT coalesce(state->>'name', slug) FROM room_view WHERE id = ?",
                String.class, roomId);
        return names.isEmpty() ? roomId : names.get(0);
    }

    /** What a log line may say about an endpoint: its host. The path is the browser's capability, kept out. */
    static String describe(String endpoint) {
        try {
            String host = URI.create(endpoint).getHost();
            return host == null ? "an endpoint" : host;
        } catch (IllegalArgumentException e) {
            return "an endpoint";
        }
    }
}
