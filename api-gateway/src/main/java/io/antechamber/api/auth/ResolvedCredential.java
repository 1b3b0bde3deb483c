package io.antechamber.api.auth;

import io.antechamber.command.lookup.Credential;
import java.util.Optional;

/**
 * What a request's bearer token turned out to be, decided once per request by {@link CredentialResolver} before anything
 * that depends on it (rate limits, idempotency, the {@link Auth} check).
 *
 * @param outcome whether a token was sent and whether it is valid
 * @param key     the holder of a valid API key; null otherwise
 * @param id      identifies the verified credential without being it (the key's hash, or {@code admin}); null for
 *                {@link Outcome#NONE} and {@link Outcome#FAILED}
 */
public record ResolvedCredential(Outcome outcome, Credential key, String id) {

    static final String ADMIN_ID = "admin";

    public enum Outcome {
        /** No bearer token was sent. */
        NONE,
        /** A bearer token was sent that is neither an active key nor the admin token. */
        FAILED,
        /** The operator's admin token. */
        ADMIN,
        /** An active human or agent API key. */
        KEY
    }

    static ResolvedCredential none() {
        return new ResolvedCredential(Outcome.NONE, null, null);
    }

    static ResolvedCredential failed() {
        return new ResolvedCredential(Outcome.FAILED, null, null);
    }

    static ResolvedCredential admin() {
        return new ResolvedCredential(Outcome.ADMIN, null, ADMIN_ID);
    }

    static ResolvedCredential key(Credential holder, String keyHash) {
        return new ResolvedCredential(Outcome.KEY, holder, keyHash);
    }

    /** A credential that was checked and holds: an active key or the admin token. */
    public boolean verified() {
        return outcome == Outcome.KEY || outcome == Outcome.ADMIN;
    }

    /** The verified credential's id; empty for requests without one. */
    public Optional<String> verifiedId() {
        return Optional.ofNullable(id);
    }

    public Optional<Credential> holder() {
        return Optional.ofNullable(key);
    }
}
