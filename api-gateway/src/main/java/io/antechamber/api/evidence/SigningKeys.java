package io.antechamber.api.evidence;

import io.antechamber.api.config.StartRefusedException;
import io.antechamber.api.web.ApiException;
import io.antechamber.verify.Ed25519;
import io.antechamber.verify.SigningKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Ed25519 keys that sign checkpoints and receipts ({@code signing_keys}). Exactly one is active: the key given by
 * {@code ANTECHAMBER_SIGNING_KEY} (only its public half is recorded; the private half stays in this process), or else
 * a key generated on first start and kept in the database. Every change of the active key happens under one
 * transaction-scoped advisory lock, so replicas starting together, or a rotation racing a start, end with one.
 * <p>
 * The active key is read from the database on each use, so a rotation through one replica is what every replica signs
 * with from its answer on; only the parsed private keys are cached, by key id.
 */
@Component
public class SigningKeys implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** "signkeys": serializes every change of the active key across replicas. */
    private static final long LOCK_KEY = 0x7369676e6b657973L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SigningKey configured;
    private final Map<String, SigningKey> stored = new ConcurrentHashMap<>();

    public SigningKeys(JdbcTemplate jdbc, TransactionTemplate transaction, SigningProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.configured = properties.keyConfigured() ? configured(properties.key()) : null;
    }

    /** The refusal names what is wrong with the value, never the value. */
    private static SigningKey configured(String value) {
        try {
            return SigningKey.fromConfiguredValue(value);
        } catch (IllegalArgumentException e) {
            throw new StartRefusedException("ANTECHAMBER_SIGNING_KEY is not an Ed25519 private key: " + e.getMessage(),
                    "Set it to the base64 of a 32-byte Ed25519 seed, or of a PKCS#8 Ed25519 key, or to that key as"
                            + " PEM (openssl genpkey -algorithm ed25519); or unset it to have a key generated.");
        }
    }

    /** On start: the configured key becomes the active one, or a key is generated when none can sign. */
    @Override
    public void afterPropertiesSet() {
        transaction.executeWithoutResult(status -> settle());
    }

    /** The key that signs now. */
    public SigningKey active() {
        if (configured != null) {
            return configured;
        }
        ActiveRow row = activeRow();
        if (row == null || row.privateKey() == null) {
            transaction.executeWithoutResult(status -> settle());
            row = activeRow();
        }
        byte[] privateKey = row.privateKey();
        return stored.computeIfAbsent(row.keyId(), id -> SigningKey.of(Ed25519.fromPkcs8(privateKey)));
    }

    /**
     * Retires the active key and makes a newly generated one active; the retired key stays listed, so what it signed
     * still verifies. A key given by {@code ANTECHAMBER_SIGNING_KEY} is rotated by changing that setting instead.
     */
    public PublicKeyJson rotate() {
        if (configured != null) {
            throw ApiException.conflict("the signing key is given by ANTECHAMBER_SIGNING_KEY: rotate it by setting a"
                    + " new key there and restarting");
        }
        return transaction.execute(status -> {
            lock();
            Instant now = now();
            retireActive(now, null);
            SigningKey key = SigningKey.generate();
            insert(key, Ed25519.pkcs8(key.privateKey()), now);
            log.info("signing key rotated: {} is now active", key.keyId());
            return json(key, now);
        });
    }

    /** Every key ever used, oldest first. */
    public List<PublicKeyJson> all() {
        return jdbc.query("SELECT key_id, public_key, created_at, retired_at FROM signing_keys"
                + " ORDER BY created_at, key_id", (rs, n) -> new PublicKeyJson(rs.getString(1),
                Base64.getEncoder().encodeToString(rs.getBytes(2)), rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()));
    }

    private record ActiveRow(String keyId, byte[] privateKey) {
    }

    private ActiveRow activeRow() {
        return jdbc.query("SELECT key_id, private_key FROM signing_keys WHERE retired_at IS NULL"
                        + " ORDER BY created_at DESC LIMIT 1",
                rs -> rs.next() ? new ActiveRow(rs.getString(1), rs.getBytes(2)) : null);
    }

    /** Inside a transaction: leaves exactly one active key, the one this process signs with. */
    private void settle() {
        lock();
        Instant now = now();
        if (configured != null) {
            retireActive(now, configured.keyId());
            // a key configured again after it was retired signs again
            jdbc.update("INSERT INTO signing_keys (key_id, public_key, private_key, created_at, retired_at)"
                            + " VALUES (?, ?, NULL, ?, NULL) ON CONFLICT (key_id) DO UPDATE SET retired_at = NULL",
                    configured.keyId(), Ed25519.raw(configured.publicKey()), Timestamp.from(now));
            return;
        }
        ActiveRow active = activeRow();
        if (active != null && active.privateKey() != null) {
            return;
        }
        // none yet, or the active one was given by ANTECHAMBER_SIGNING_KEY, which is no longer set
        retireActive(now, null);
        SigningKey key = SigningKey.generate();
        insert(key, Ed25519.pkcs8(key.privateKey()), now);
        log.info("signing key {} generated and active", key.keyId());
    }

    private void lock() {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, LOCK_KEY);
    }

    private void retireActive(Instant now, String except) {
        jdbc.update("UPDATE signing_keys SET retired_at = ? WHERE retired_at IS NULL AND key_id IS DISTINCT FROM ?",
                Timestamp.from(now), except);
    }

    private void insert(SigningKey key, byte[] pkcs8, Instant now) {
        jdbc.update("INSERT INTO signing_keys (key_id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)",
                key.keyId(), Ed25519.raw(key.publicKey()), pkcs8, Timestamp.from(now));
    }

    private static PublicKeyJson json(SigningKey key, Instant createdAt) {
        return new PublicKeyJson(key.keyId(), key.publicKeyBase64(), createdAt, null);
    }

    /** Milliseconds, as the API shows them, so a key's created_at reads back as it was answered. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
