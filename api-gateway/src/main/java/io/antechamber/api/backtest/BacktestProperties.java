package io.antechamber.api.backtest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy backtest's settings ({@code antechamber.backtest.*}; docs/configuration.md).
 *
 * @param maxDuration   how long one backtest may evaluate before it is refused: a proposal of many {@code matches}
 *                      conditions over long inputs costs far more per check-in than a room's usual policy, and any
 *                      human may send one
 * @param maxConcurrent backtests one replica runs at once: each reads up to 10,000 whole check-ins, metadata
 *                      included, into memory, so they must not be able to take the heap
 */
@ConfigurationProperties("antechamber.backtest")
public record BacktestProperties(@DefaultValue("10s") Duration maxDuration, @DefaultValue("2") int maxConcurrent) {

    public BacktestProperties {
        if (maxDuration.isNegative() || maxDuration.isZero() || maxConcurrent < 1) {
            throw new IllegalArgumentException("antechamber.backtest.max-duration must be more than 0 (was "
                    + maxDuration + ") and max-concurrent at least 1 (was " + maxConcurrent + ")");
        }
    }
}
