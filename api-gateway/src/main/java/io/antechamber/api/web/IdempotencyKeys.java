package io.antechamber.api.web;

import io.antechamber.api.config.AntechamberProperties;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_keys} table. A request takes its key as a lease that runs out ({@code idempotency.lease}):
 * if it crashes, a retry may take the key over once the lease is gone, instead of the key being locked for 24 h. Only
 * the holder of the lease completes or releases it. Keys older than 24 h count as unused.
 */
@Component
public class IdempotencyKeys {

    private static final String FRESH = "created_at > now() - interval '24 hours'";

    private final JdbcTemplate jdbc;
    private final double leaseSeconds;

    public IdempotencyKeys(JdbcTemplate jdbc, AntechamberProperties properties) {
        this.jdbc = jdbc;
        this.leaseSeconds = properties.idempotency().lease().toMillis() / 1000.0;
    }

    public record Stored(String fingerprint, boolean completed, int status, String contentType, byte[] body) {
    }

    /** A request's hold on a key while it runs. */
    public record Lease(String credential, String key, String id) {
    }

    /**
     * Takes the key for this request: a key not seen in 24 h, or one whose holder's lease ran out before it completed.
     * Empty when the key is completed or another request holds a live lease on it.
     */
    public Optional<Lease> claim(String credential, String key, String fingerprint) {
        Lease lease = new Lease(credential, key, UUID.randomUUID().toString());
        int taken = jdbc.update("INSERT INTO idempotency_keys AS k "
                + "(credential, idem_key, fingerprint, lease_id, lease_until) "
                + "VALUES (?, ?, ?, ?, now() + make_interval(secs => ?)) "
                + "ON CONFLICT (credential, idem_key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, "
                + "completed = false, status = NULL, content_type = NULL, body = NULL, created_at = now(), "
                + "lease_id = EXCLUDED.lease_id, lease_until = EXCLUDED.lease_until "
                + "WHERE NOT (k." + FRESH + ") OR (NOT k.completed AND k.lease_until <= now())",
                credential, key, fingerprint, lease.id(), leaseSeconds);
        return taken == 1 ? Optional.of(lease) : Optional.empty();
    }

    public Optional<Stored> find(String credential, String key) {
        return jdbc.query("SELECT fingerprint, completed, status, content_type, body FROM idempotency_keys "
                        + "WHERE credential = ? AND idem_key = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4),
                        rs.getBytes(5)), credential, key).stream().findFirst();
    }

    /** Stores the response; the body must hold no secret ({@link SecretFields}). */
    public void complete(Lease lease, int status, String contentType, byte[] body) {
        jdbc.update("UPDATE idempotency_keys SET completed = true, status = ?, content_type = ?, body = ?, "
                        + "lease_id = NULL, lease_until = NULL WHERE credential = ? AND idem_key = ? AND lease_id = ?",
                status, contentType, body, lease.credential(), lease.key(), lease.id());
    }

    /** Lets go of the key without a response, so the client may retry with it. */
    public void release(Lease lease) {
        jdbc.update("DELETE FROM idempotency_keys WHERE credential = ? AND idem_key = ? AND lease_id = ?",
                lease.credential(), lease.key(), lease.id());
    }

    /** Forgets keys past their 24 h, and leases that ran out; run periodically. */
    public int purgeExpired() {
        return jdbc.update("DELETE FROM idempotency_keys WHERE NOT (" + FRESH + ") "
                + "OR (NOT completed AND lease_until <= now())");
    }
}
