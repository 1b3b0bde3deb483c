package io.antechamber.api.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import io.antechamber.api.webhook.AllowedAddressResolver;
import io.antechamber.api.webhook.FeedEnvelopes;
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
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
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

    private static final Timeout LIMIT = Timeout.of(WebhookPost.TIME_LIMIT);

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
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new AllowedAddressResolver(targets))
                        .setMaxConnTotal(properties.maxConnections())
                        .setMaxConnPerRoute(properties.maxConnectionsPerRoute())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(LIMIT)
                                .setSocketTimeout(LIMIT)
                                .build())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(LIMIT).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(LIMIT)
                        .setConnectionRequestTimeout(LIMIT)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
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
