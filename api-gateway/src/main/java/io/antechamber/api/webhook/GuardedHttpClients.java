package io.antechamber.api.webhook;

import io.antechamber.command.watcher.TargetAddresses;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client for requests to addresses a client gave us (webhook receivers, Web Push endpoints): it resolves
 * names itself and connects only to addresses {@link TargetAddresses} allows, follows no redirects, retries nothing,
 * keeps no cookies, and gives every phase of a request {@link WebhookPost#TIME_LIMIT}.
 */
public final class GuardedHttpClients {

    private static final Timeout LIMIT = Timeout.of(WebhookPost.TIME_LIMIT);

    private GuardedHttpClients() {
    }

    public static CloseableHttpClient create(TargetAddresses targets, int maxConnections, int maxConnectionsPerRoute) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new AllowedAddressResolver(targets))
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnectionsPerRoute)
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
}
