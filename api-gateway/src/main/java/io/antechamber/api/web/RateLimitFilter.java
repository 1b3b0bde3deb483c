package io.antechamber.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.antechamber.api.auth.CredentialResolver;
import io.antechamber.api.auth.ResolvedCredential;
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
 * Token buckets, after authentication ({@link io.antechamber.api.auth.CredentialResolver}): one per verified credential;
 * calls without one share a bucket per client address ({@link ClientAddress}), and a bearer token that verifies as
 * nothing costs two tokens there, so guessing keys runs out twice as fast as honest use. {@code rate-limit.per-second}
 * sustained, {@code rate-limit.burst} at once. Self-registration is also limited per client address, to
 * {@code rate-limit.self-registrations-per-hour}. Over a limit: 429 RATE_LIMITED with {@code Retry-After}. Buckets
 * live in this replica; idle ones are forgotten once they would be full again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class RateLimitFilter extends OncePerRequestFilter {

    static final String SELF_REGISTER_PATH = "/v1/agents/self-register";
    static final String SIGN_IN_PATH = "/login";
    private static final int FAILED_AUTHENTICATION_COST = 2;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();
    private final Cache<String, Bucket> selfRegistrations = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(100_000)
            .build();
    private final Bandwidth bandwidth;
    private final Bandwidth selfRegistrationBandwidth;
    private final int failedAuthenticationCost;
    private final CredentialResolver credentials;
    private final ClientAddress clientAddress;
    private final ErrorWriter errors;

    public RateLimitFilter(AntechamberProperties properties, CredentialResolver credentials,
            ClientAddress clientAddress, ErrorWriter errors) {
        AntechamberProperties.RateLimit limit = properties.rateLimit();
        this.bandwidth = Bandwidth.builder()
                .capacity(limit.burst())
                .refillGreedy(limit.perSecond(), Duration.ofSeconds(1))
                .build();
        this.selfRegistrationBandwidth = Bandwidth.builder()
                .capacity(limit.selfRegistrationsPerHour())
                .refillGreedy(limit.selfRegistrationsPerHour(), Duration.ofHours(1))
                .build();
        this.failedAuthenticationCost = Math.min(FAILED_AUTHENTICATION_COST, limit.burst());
        this.credentials = credentials;
        this.clientAddress = clientAddress;
        this.errors = errors;
    }

    /**
     * The API, the MCP endpoint (its tools call the API again with the same key, so a tool call costs its credential
     * two tokens or more; limiting the endpoint itself also bounds protocol-only traffic and key guessing there), and
     * the dashboard's sign-in form: the one page that takes a key.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPath.isApi(request) && !RequestPath.isMcp(request) && !isSignIn(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ResolvedCredential credential = credentials.resolve(request);
        boolean ownBucket = hasBucketOfItsOwn(credential);
        boolean selfRegistration = isSelfRegistration(request);
        String address = ownBucket && !selfRegistration ? null : clientAddress.of(request);
        ConsumptionProbe probe;
        if (ownBucket) {
            probe = take(buckets, bandwidth, "credential:" + credential.id(), 1);
        } else {
            // a sign-in attempt is charged as a failed authentication whatever its outcome: it is a key guess
            int cost = credential.outcome() == ResolvedCredential.Outcome.FAILED || isSignIn(request)
                    ? failedAuthenticationCost : 1;
            probe = take(buckets, bandwidth, "address:" + address, cost);
        }
        if (!probe.isConsumed()) {
            refuse(response, probe, ownBucket
                    ? "too many requests for this credential" : "too many requests from this address");
            return;
        }
        if (selfRegistration) {
            probe = take(selfRegistrations, selfRegistrationBandwidth, address, 1);
            if (!probe.isConsumed()) {
                refuse(response, probe, "too many self-registrations from this address");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * A verified credential has a bucket of its own, except an unclaimed agent's key: it works nowhere yet (403), and
     * anyone can mint ten an hour, so it shares its address's bucket like a call without a key.
     */
    private static boolean hasBucketOfItsOwn(ResolvedCredential credential) {
        return credential.verified() && credential.holder().map(holder -> holder.orgId() != null).orElse(true);
    }

    private static boolean isSignIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && SIGN_IN_PATH.equals(RequestPath.of(request));
    }

    private static boolean isSelfRegistration(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && SELF_REGISTER_PATH.equals(RequestPath.of(request));
    }

    private static ConsumptionProbe take(Cache<String, Bucket> buckets, Bandwidth bandwidth, String key, int cost) {
        return buckets.get(key, k -> Bucket.builder().addLimit(bandwidth).build()).tryConsumeAndReturnRemaining(cost);
    }

    private void refuse(HttpServletResponse response, ConsumptionProbe probe, String what) throws IOException {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        errors.write(response, ApiError.RATE_LIMITED, what + "; retry after " + seconds + " s");
    }
}
