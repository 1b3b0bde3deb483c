package io.antechamber.api.feed.redis;

import io.lettuce.core.ClientOptions;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis transport of the room event feed, only when a Redis host is configured; Spring Boot's Redis
 * auto-configuration, which makes the client, is left out otherwise ({@link RedisOnlyWhenConfigured}). Its health
 * indicator stays off ({@code management.health.redis.enabled}): it would turn the whole service DOWN while Redis
 * is, and Redis is an optional transport that the service works without.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisHostConfigured.class)
public class RedisFeedConfiguration {

    /**
     * The publisher owns reconnecting: Lettuce's own reconnect loop logs every attempt, and while it runs Lettuce
     * queues commands until they time out. So a lost connection stays lost, commands on it fail at once, and the
     * publisher drops it and connects anew with its own backoff.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer feedPublisherClientOptions() {
        return builder -> builder.autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    RedisFeedPublisher redisFeedPublisher(DataSource dataSource, StringRedisTemplate redis,
            LettuceConnectionFactory connectionFactory, RedisConnectionDetails connectionDetails) {
        RedisConnectionDetails.Standalone standalone = connectionDetails.getStandalone();
        String address = standalone.getHost() + ":" + standalone.getPort();
        return new RedisFeedPublisher(dataSource, new RedisChannelPublisher(redis, connectionFactory),
                new PublishingPause(address));
    }
}
