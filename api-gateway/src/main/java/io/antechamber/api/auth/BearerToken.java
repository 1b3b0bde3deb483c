package io.antechamber.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * Reads {@code Authorization: Bearer <token>}; for the WebSocket endpoint, which browsers cannot give headers, also
 * the {@code ?access_token=} that {@link io.antechamber.api.realtime.AccessTokenQueryValve} took out of its URL.
 */
public final class BearerToken {

    /** Where the valve leaves a WebSocket handshake's {@code ?access_token=}; the header wins over it. */
    public static final String FROM_QUERY_ATTRIBUTE = BearerToken.class.getName() + ".fromQuery";
    private static final String BEARER = "Bearer ";

    private BearerToken() {
    }

    public static Optional<String> of(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null && request.getAttribute(FROM_QUERY_ATTRIBUTE) instanceof String fromQuery) {
            return fromQuery.isBlank() ? Optional.empty() : Optional.of(fromQuery.trim());
        }
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
