package io.antechamber.api.backtest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy backtest's settings ({@code antechamber.backtest.*}; docs/configuration.md).
 *
 * @param maxDuration how long one backtest may evaluate before it is refused: a proposal of many {@code matches}
 *                    conditions over long inputs costs far more per check-in than a room's usual policy, and any human
 *                    may send one
 */
@ConfigurationProperties("antechamber.backtest")
public record BacktestProperties(@DefaultValue("10s") Duration maxDuration) {

    public BacktestProperties {
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("antechamber.backtest.max-duration must be more than 0 (was "
                    + maxDuration + ")");
        }
    }
}
