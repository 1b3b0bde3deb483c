package io.antechamber.api.feed.redis;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Redis is configured when {@code spring.data.redis.host} ({@code SPRING_DATA_REDIS_HOST}) has text. A blank value,
 * as a compose file leaves when a variable is set to nothing, counts as unset: {@code @ConditionalOnProperty} would
 * take it as configured.
 */
class RedisHostConfigured implements Condition {

    static final String PROPERTY = "spring.data.redis.host";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY));
    }
}
