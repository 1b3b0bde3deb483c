package io.antechamber.api.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.webhook.AllowedAddressResolver;
import io.antechamber.api.webhook.GuardedHttpClients;
import io.antechamber.api.webhook.WebhookPost;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Web Push: the VAPID keys, and the sender with an HTTP client of its own built as the webhooks' is (no redirects,
 * 5 s limits, names resolved through {@link AllowedAddressResolver} so the address checked is the one connected to),
 * against the push setting {@code antechamber.push.allow-private-endpoints} rather than the webhooks'.
 */
@Configuration
public class PushConfiguration {

    private static final int SENDING_THREADS = 2;

    @Bean
    public WebPush webPush(PushProperties properties) {
        return WebPush.of(properties);
    }

    /** Not a bean: the webhooks' client is the application's one {@link CloseableHttpClient}. */
    private static CloseableHttpClient pushHttpClient(PushEndpointCheck endpoints) {
        return GuardedHttpClients.create(endpoints.targets(), SENDING_THREADS * 2, SENDING_THREADS);
    }

    @Bean
    PushSender pushSender(DataSource dataSource, WebPush webPush, PushSubscriptions subscriptions,
            PushEndpointCheck endpoints, ObjectMapper json) {
        CloseableHttpClient client = pushHttpClient(endpoints);
        WebhookPost post = new WebhookPost(client, Clock.systemUTC());
        return new PushSender(dataSource, webPush, subscriptions,
                new PushDelivery(webPush, post, client, subscriptions, SENDING_THREADS), json);
    }
}
