package io.antechamber.api.feed.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.IntegrationTest;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Without {@code SPRING_DATA_REDIS_HOST} nothing Redis-related starts, and the service is healthy. */
class RedisNotConfiguredTest extends IntegrationTest {

    private static final String[] REDIS_AUTO_CONFIGURATIONS = {
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.redis.RedisRepositoriesAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.data.redis.RedisReactiveHealthContributorAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.redis.LettuceMetricsAutoConfiguration"};

    @Autowired
    private ApplicationContext context;

    @Test
    void without_a_redis_host_there_is_no_redis_client_no_publisher_and_health_is_up() {
        assertThat(Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> context.getType(name) != null)
                .map(name -> context.getType(name).getName())
                .filter(type -> type.contains(".redis.") || type.startsWith("io.lettuce")))
                .isEmpty();
        assertThat(http.get("/actuator/health").send().expect(200).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void a_blank_redis_host_counts_as_unset_and_any_host_turns_redis_on() {
        assertThat(matches("")).containsOnly(false);
        assertThat(matches("  ")).containsOnly(false);
        assertThat(matches(null)).containsOnly(false);
        assertThat(matches("redis")).containsOnly(true);
    }

    @Test
    void other_auto_configurations_are_left_to_their_own_conditions() {
        RedisOnlyWhenConfigured filter = new RedisOnlyWhenConfigured();
        filter.setEnvironment(environmentWithHost(null));
        assertThat(filter.match(new String[] {
            "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"}, null)).containsOnly(true);
    }

    private static boolean[] matches(String host) {
        RedisOnlyWhenConfigured filter = new RedisOnlyWhenConfigured();
        filter.setEnvironment(environmentWithHost(host));
        return filter.match(REDIS_AUTO_CONFIGURATIONS, null);
    }

    private static StandardEnvironment environmentWithHost(String host) {
        StandardEnvironment environment = new StandardEnvironment();
        if (host != null) {
            environment.getPropertySources().addFirst(new MapPropertySource("test",
                    Map.of(RedisHostConfigured.PROPERTY, host)));
        }
        return environment;
    }
}
