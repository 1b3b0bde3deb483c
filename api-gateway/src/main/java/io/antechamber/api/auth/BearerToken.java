package io.antechamber.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** Reads {@code Authorization: Bearer <token>}. */
public final class BearerToken {

    private static final String BEARER = "Bearer ";
    private static final String HASH_ATTRIBUTE = BearerToken.class.getName() + ".hash";

    private BearerToken() {
    }

    /**
     * The SHA-256 of the bearer token, computed once per request: the key lookup uses it, and a verified key's hash
     * is the credential that rate limits and idempotency keys are scoped to.
     */
    public static Optional<String> hashOf(HttpServletRequest request) {
        Object cached = request.getAttribute(HASH_ATTRIBUTE);
        if (cached instanceof String hash) {
            return Optional.of(hash);
        }
        Optional<String> hash = of(request).map(ApiKeys::hash);
        hash.ifPresent(h -> request.setAttribute(HASH_ATTRIBUTE, h));
        return hash;
    }

    public static Optional<String> of(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
