package io.antechamber.api.web;

import io.antechamber.api.auth.ApiKeys;
import io.antechamber.api.auth.CredentialResolver;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POSTs, scoped to the verified credential ({@link io.antechamber.api.auth.CredentialResolver}
 * runs first): the first response to a key (per credential, for 24 h) is stored and every repeat gets it back, marked
 * {@code Idempotent-Replayed: true}, without running the request again. Calls without a verified credential (an
 * anonymous self-registration, an unknown key) are not replayed: they just run. A stored response never holds a
 * secret: {@link SecretFields} are nulled before it is stored, so a replay shows the resource without them. A repeat
 * while the first still holds its lease, or with a different path or body, is 409. Server errors are not stored, so
 * the client may retry them with the same key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /**
     * {@code details.idempotency_key} of a 409 this filter answers: a client tells a key still held by its first
     * request (worth retrying) from a key used before for another request (never worth retrying) without reading the
     * message.
     */
    static final String DETAIL = "idempotency_key";
    static final String IN_FLIGHT = "in_flight";
    static final String REUSED = "reused";

    private final IdempotencyKeys keys;
    private final CredentialResolver credentials;
    private final SecretFields secrets;
    private final ErrorWriter errors;

    public IdempotencyFilter(IdempotencyKeys keys, CredentialResolver credentials, SecretFields secrets,
            ErrorWriter errors) {
        this.keys = keys;
        this.credentials = credentials;
        this.secrets = secrets;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || !RequestPath.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> credential = credentials.resolve(request).verifiedId();
        if (credential.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > RequestLimits.IDEMPOTENCY_KEY_CHARS) {
            errors.write(response, ApiError.VALIDATION_ERROR,
                    HEADER + " must be 1.." + RequestLimits.IDEMPOTENCY_KEY_CHARS + " characters");
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException tooLarge) {
            errors.write(response, ApiError.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            return;
        }
        String fingerprint = ApiKeys.hash(RequestPath.of(request) + "\n" + new String(body, StandardCharsets.UTF_8));

        Optional<IdempotencyKeys.Lease> lease = keys.claim(credential.get(), key, fingerprint);
        if (lease.isEmpty()) {
            replay(response, keys.find(credential.get(), key), fingerprint);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(new ReplayableBody(request, body), recorded);
            if (recorded.getStatus() < 500) {
                Optional<byte[]> withoutSecrets = secrets.redact(recorded.getContentAsByteArray());
                if (withoutSecrets.isPresent()) {
                    keys.complete(lease.get(), recorded.getStatus(), recorded.getContentType(), withoutSecrets.get());
                    stored = true;
                }
            }
        } finally {
            if (!stored) {
                keys.release(lease.get());
            }
            recorded.copyBodyToResponse();
        }
    }

    private void replay(HttpServletResponse response, Optional<IdempotencyKeys.Stored> stored, String fingerprint)
            throws IOException {
        if (stored.isEmpty() || !stored.get().completed()) {
            errors.write(response, ApiError.CONFLICT, "a request with this " + HEADER
                    + " is still being processed; retry once it has answered", Map.of(DETAIL, IN_FLIGHT));
        } else if (!stored.get().fingerprint().equals(fingerprint)) {
            errors.write(response, ApiError.CONFLICT, "this " + HEADER + " was used for a different request",
                    Map.of(DETAIL, REUSED));
        } else {
            response.setStatus(stored.get().status());
            if (stored.get().contentType() != null) {
                response.setContentType(stored.get().contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(stored.get().body());
        }
    }

    /** The request with its body read once up front and served again to the handler. */
    private static final class ReplayableBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayableBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
