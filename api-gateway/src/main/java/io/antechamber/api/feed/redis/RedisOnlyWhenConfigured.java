package io.antechamber.api.feed.redis;

import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Leaves Spring Boot's Redis auto-configuration out unless a Redis host is configured. Left in, it always makes a
 * client for localhost:6379, and its health indicator would report on whatever answers there, although nothing here
 * uses Redis without {@code SPRING_DATA_REDIS_HOST}.
 */
public class RedisOnlyWhenConfigured implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final Set<String> REDIS_AUTO_CONFIGURATIONS = Set.of(
            "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.data.redis.RedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.redis.LettuceMetricsAutoConfiguration");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean configured = StringUtils.hasText(environment.getProperty(RedisHostConfigured.PROPERTY));
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            // an earlier filter's rejects arrive as null
            String candidate = autoConfigurationClasses[i];
            matches[i] = configured || candidate == null || !REDIS_AUTO_CONFIGURATIONS.contains(candidate);
        }
        return matches;
    }
}
