package io.antechamber.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Antechamber's own settings ({@code antechamber.*}); every one is documented in docs/configuration.md.
 *
 * @param adminToken  the operator's token for {@code POST /v1/orgs} and {@code /v1/admin/*}; blank: one is generated
 *                    and printed once at start-up
 * @param embeddedDb  where the embedded PostgreSQL keeps its data when no datasource URL is configured
 * @param limits      request size limits
 * @param rateLimit   requests per credential (per replica): a sustained rate and a burst
 */
@ConfigurationProperties("antechamber")
public record AntechamberProperties(
        String adminToken,
        @DefaultValue EmbeddedDb embeddedDb,
        @DefaultValue Limits limits,
        @DefaultValue RateLimit rateLimit) {

    public record EmbeddedDb(@DefaultValue("./data") String dataDirectory) {
    }

    public record RateLimit(@DefaultValue("100") int perSecond, @DefaultValue("200") int burst) {
    }

    public record Limits(@DefaultValue("65536") int maxBodyBytes, @DefaultValue("10240") int maxMetadataBytes) {
    }
}
