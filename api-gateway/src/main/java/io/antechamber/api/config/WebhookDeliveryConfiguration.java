package io.antechamber.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.antechamber.api.webhook.AllowedAddressResolver;
import io.antechamber.api.webhook.FeedEnvelopes;
import io.antechamber.api.webhook.GuardedHttpClients;
import io.antechamber.api.webhook.HttpWebhookAttempts;
import io.antechamber.api.webhook.WebhookPost;
import io.antechamber.api.webhook.WebhookReplay;
import io.antechamber.command.watcher.TargetAddresses;
import io.antechamber.command.watcher.WatcherTargets;
import io.antechamber.command.webhook.DeliveryClock;
import io.antechamber.command.webhook.RetrySchedule;
import io.antechamber.command.webhook.WebhookAttempts;
import io.antechamber.command.webhook.WebhookDeliveryModule;
import java.time.Clock;
import java.time.Instant;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Webhook deliveries: the WebhookDelivery aggregate and its saga, and what the saga takes as handler parameters (the
 * attempt over HTTP, the retry schedule, the clock). The HTTP client follows no redirects, gives a connection and a
 * response 5 s each, and resolves names through {@link AllowedAddressResolver}, so the address checked is the one it
 * connects to.
 */
@Configuration
public class WebhookDeliveryConfiguration {

    @Bean
    public ConfigurerModule webhookDeliveryModule() {
        return new WebhookDeliveryModule();
    }

    @Bean
    public RetrySchedule webhookRetrySchedule(WebhookDeliveryProperties properties) {
        return RetrySchedule.withJitter(properties.retrySchedule());
    }

    @Bean
    public DeliveryClock deliveryClock() {
        return Instant::now;
    }

    @Bean(destroyMethod = "close")
    public CloseableHttpClient webhookHttpClient(TargetAddresses targets, WebhookDeliveryProperties properties) {
        return GuardedHttpClients.create(targets, properties.maxConnections(), properties.maxConnectionsPerRoute());
    }

    /** Aborts a POST still running when its time is up, whatever phase it is in. */
    @Bean(destroyMethod = "close")
    public WebhookPost webhookPost(CloseableHttpClient webhookHttpClient) {
        return new WebhookPost(webhookHttpClient, Clock.systemUTC());
    }

    @Bean
    public WebhookAttempts webhookAttempts(WatcherTargets watchers, FeedEnvelopes feed, WebhookPost webhookPost,
            WebhookDeliveryProperties properties) {
        return new HttpWebhookAttempts(watchers, feed, webhookPost, Clock.systemUTC(),
                properties.maxConcurrentAttempts());
    }

    @Bean
    public WebhookReplay webhookReplay(JdbcTemplate jdbc, CommandGateway commands, WatcherTargets watchers,
            ObjectProvider<Scheduler> scheduler) {
        return new WebhookReplay(jdbc, commands, watchers, scheduler);
    }

    /** Registered with db-scheduler like every task bean. */
    @Bean
    public OneTimeTask<String> webhookReplayTask(WebhookReplay webhookReplay) {
        return webhookReplay.task();
    }
}
