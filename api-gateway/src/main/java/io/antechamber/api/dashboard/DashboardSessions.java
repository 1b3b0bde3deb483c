package io.antechamber.api.dashboard;

import io.antechamber.api.auth.ApiKeys;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's server-side sessions (table {@code dashboard_sessions}, V20). A session id is 32 random bytes that
 * only the cookie holds; the table keeps its sha256, so every replica finds the session and a read of the table opens
 * none. A session ends at sign-out, after {@link DashboardProperties#sessionIdleTimeout()} unused, or
 * {@link DashboardProperties#sessionMaxAge()} after sign-in.
 */
@Component
public class DashboardSessions {

    /** A session's last-seen time is written at most this often, not on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final DashboardProperties properties;

    public DashboardSessions(JdbcTemplate jdbc, DashboardProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A new session for the human; returns the id the cookie carries (the only place it exists). */
    public String open(String orgId, String humanId, String keyHash) {
        String id = randomToken();
        Instant now = Instant.now();
        jdbc.update("INSERT INTO dashboard_sessions (id_hash, org_id, human_id, key_hash, csrf_token, created_at, "
                        + "last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ApiKeys.hash(id), orgId, humanId, keyHash, randomToken(), Timestamp.from(now), Timestamp.from(now),
                Timestamp.from(now.plus(properties.sessionMaxAge())));
        return id;
    }

    /** The live session the cookie's id names, its last-seen time moved on; empty when unknown or over. */
    public Optional<DashboardSession> find(String id) {
        Instant now = Instant.now();
        List<DashboardSession> found = jdbc.query("SELECT id_hash, org_id, human_id, key_hash, csrf_token, "
                        + "last_seen_at, expires_at FROM dashboard_sessions WHERE id_hash = ?",
                (rows, n) -> new DashboardSession(rows.getString("id_hash"), rows.getString("org_id"),
                        rows.getString("human_id"), rows.getString("key_hash"), rows.getString("csrf_token"),
                        rows.getTimestamp("last_seen_at").toInstant(), rows.getTimestamp("expires_at").toInstant()),
                ApiKeys.hash(id));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DashboardSession session = found.get(0);
        if (!now.isBefore(session.expiresAt())
                || !now.isBefore(session.lastSeenAt().plus(properties.sessionIdleTimeout()))) {
            close(session.idHash());
            return Optional.empty();
        }
        if (now.isAfter(session.lastSeenAt().plus(TOUCH_INTERVAL))) {
            jdbc.update("UPDATE dashboard_sessions SET last_seen_at = ? WHERE id_hash = ?", Timestamp.from(now),
                    session.idHash());
        }
        return Optional.of(session);
    }

    /** Whether the session is still open (not signed out, not over); unlike {@link #find}, it does not touch it. */
    public boolean isOpen(String idHash) {
        Timestamp now = Timestamp.from(Instant.now());
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM dashboard_sessions "
                        + "WHERE id_hash = ? AND expires_at > ? AND last_seen_at > ?)", Boolean.class, idHash, now,
                Timestamp.from(now.toInstant().minus(properties.sessionIdleTimeout()))));
    }

    public void close(String idHash) {
        jdbc.update("DELETE FROM dashboard_sessions WHERE id_hash = ?", idHash);
    }

    /** Deletes the sessions that are over; returns how many. */
    public int purgeExpired() {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.update("DELETE FROM dashboard_sessions WHERE expires_at <= ? OR last_seen_at <= ?", now,
                Timestamp.from(now.toInstant().minus(properties.sessionIdleTimeout())));
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
