package io.antechamber.api.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web dashboard's settings ({@code antechamber.dashboard.*}), documented in docs/configuration.md.
 *
 * @param sessionIdleTimeout a session not used for this long is over
 * @param sessionMaxAge      a session is over this long after sign-in, however busy
 */
@ConfigurationProperties("antechamber.dashboard")
public record DashboardProperties(
        @DefaultValue("8h") Duration sessionIdleTimeout,
        @DefaultValue("24h") Duration sessionMaxAge) {

    public DashboardProperties {
        if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero() || sessionMaxAge.compareTo(sessionIdleTimeout) < 0) {
            throw new IllegalArgumentException("antechamber.dashboard.session-idle-timeout must be positive and at most "
                    + "session-max-age");
        }
    }
}
