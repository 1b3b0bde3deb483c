package io.antechamber.api.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Antechamber's own settings ({@code antechamber.*}); every one is documented in docs/configuration.md.
 *
 * @param adminToken  the operator's token for {@code POST /v1/orgs} and {@code /v1/admin/*}; blank: one is generated
 *                    and printed once at start-up
 * @param embeddedDb  where the embedded PostgreSQL keeps its data when no datasource URL is configured
 * @param limits      request size limits
 * @param rateLimit   requests per credential, or per client address for calls without one (per replica): a
 *                    sustained rate and a burst; and self-registrations per client address
 * @param trustedProxies addresses or CIDR blocks of the reverse proxies whose {@code X-Forwarded-For} names the
 *                    client; empty: the direct peer is the client
 * @param idempotency how long an in-flight {@code Idempotency-Key} is held before a retry may run it again
 * @param unclaimedAgents when self-registered agents nobody claims are removed
 * @param waits       long-polls ({@code /wait}): how many each credential may hold, and how the connection that wakes
 *                    them is watched
 */
@ConfigurationProperties("antechamber")
public record AntechamberProperties(
        String adminToken,
        @DefaultValue EmbeddedDb embeddedDb,
        @DefaultValue Limits limits,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue UnclaimedAgentExpiry unclaimedAgents,
        @DefaultValue Waits waits,
        @DefaultValue List<String> trustedProxies,
        @DefaultValue Idempotency idempotency) {

    public record EmbeddedDb(@DefaultValue("./data") String dataDirectory) {
    }

    public record RateLimit(@DefaultValue("100") int perSecond, @DefaultValue("200") int burst,
            @DefaultValue("10") int selfRegistrationsPerHour) {
    }

    /** @param lease how long a request holds its key while it runs; a crashed one lets go when this runs out */
    public record Idempotency(@DefaultValue("60s") Duration lease) {
    }

    public record Limits(@DefaultValue("65536") int maxBodyBytes, @DefaultValue("10240") int maxMetadataBytes) {
    }

    /**
     * @param maxAge        a self-registered agent still unclaimed this long after registering is removed
     * @param checkInterval how often the removal task looks for such agents (one replica at a time)
     */
    public record UnclaimedAgentExpiry(@DefaultValue("7d") Duration maxAge, @DefaultValue("1h") Duration checkInterval) {
    }

    /**
     * @param maxPerCredential      long-polls one credential may hold open at once on a replica; more get 429
     * @param listenerProbeInterval how often the LISTEN connection that wakes long-polls is checked; a dead one is
     *                              replaced and every waiter re-reads its check-in
     */
    public record Waits(@DefaultValue("20") int maxPerCredential, @DefaultValue("5s") Duration listenerProbeInterval) {
    }
}
