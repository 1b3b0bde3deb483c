package io.antechamber.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.antechamber.api.auth.BearerToken;
import io.antechamber.api.config.AntechamberProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per credential (the hash of the bearer token; the client address for requests without one):
 * {@code rate-limit.per-second} sustained, {@code rate-limit.burst} at once. Over it: 429 RATE_LIMITED with
 * {@code Retry-After}. Buckets live in this replica; idle ones are forgotten after ten minutes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class RateLimitFilter extends OncePerRequestFilter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();
    private final Bandwidth bandwidth;
    private final ErrorWriter errors;

    public RateLimitFilter(AntechamberProperties properties, ErrorWriter errors) {
        AntechamberProperties.RateLimit limit = properties.rateLimit();
        this.bandwidth = Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.perSecond(), Duration.ofSeconds(1))
                .build();
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Bucket bucket = buckets.get(credential(request), key -> Bucket.builder().addLimit(bandwidth).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            errors.write(response, ApiError.RATE_LIMITED, "too many requests for this credential; retry after "
                    + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String credential(HttpServletRequest request) {
        return BearerToken.hashOf(request).orElse("address:" + request.getRemoteAddr());
    }
}
