package io.antechamber.api.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code antechamber.webhooks.*} beside {@link WebhookProperties}), documented in
 * docs/configuration.md.
 *
 * @param retrySchedule      the waits after each failed attempt (API.md's schedule; tests shorten it); each is
 *                           jittered by ±20 %, and the delivery is dead after the attempt that follows the last
 * @param maxConnections     pooled connections to receivers, in all
 * @param maxConnectionsPerRoute pooled connections to one receiver
 * @param maxConcurrentAttempts  attempts one replica makes at once; they share db-scheduler's threads with check-in
 *                               timeouts, so this stays below {@code db-scheduler.threads}, and a further due attempt
 *                               waits about a second
 */
@ConfigurationProperties("antechamber.webhooks")
public record WebhookDeliveryProperties(
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h"}) List<Duration> retrySchedule,
        @DefaultValue("64") int maxConnections,
        @DefaultValue("8") int maxConnectionsPerRoute,
        @DefaultValue("3") int maxConcurrentAttempts) {
}
