package io.antechamber.api.web;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code idempotency_keys} table. Keys older than 24 h count as unused. */
@Component
public class IdempotencyKeys {

    private static final String FRESH = "created_at > now() - interval '24 hours'";

    private final JdbcTemplate jdbc;

    public IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Stored(String fingerprint, boolean completed, int status, String contentType, byte[] body) {
    }

    /** Takes the key for this request; false when a fresh request already holds it. */
    public boolean claim(String credential, String key, String fingerprint) {
        jdbc.update("DELETE FROM idempotency_keys WHERE credential = ? AND idem_key = ? AND NOT (" + FRESH + ")",
                credential, key);
        return jdbc.update("INSERT INTO idempotency_keys (credential, idem_key, fingerprint) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", credential, key, fingerprint) == 1;
    }

    public Optional<Stored> find(String credential, String key) {
        return jdbc.query("SELECT fingerprint, completed, status, content_type, body FROM idempotency_keys "
                        + "WHERE credential = ? AND idem_key = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4),
                        rs.getBytes(5)), credential, key).stream().findFirst();
    }

    public void complete(String credential, String key, int status, String contentType, byte[] body) {
        jdbc.update("UPDATE idempotency_keys SET completed = true, status = ?, content_type = ?, body = ? "
                + "WHERE credential = ? AND idem_key = ?", status, contentType, body, credential, key);
    }

    public void release(String credential, String key) {
        jdbc.update("DELETE FROM idempotency_keys WHERE credential = ? AND idem_key = ?", credential, key);
    }

    /** Forgets keys past their 24 h; run periodically. */
    public int purgeExpired() {
        return jdbc.update("DELETE FROM idempotency_keys WHERE NOT (" + FRESH + ")");
    }
}
