package io.antechamber.api.mcp;

import java.net.InetAddress;
import java.net.URI;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Where the MCP tools reach this server's API: {@code antechamber.mcp.api-url}, else this replica itself, on the
 * loopback address (or the one address it listens on, {@code server.address}) and the port it listens on, known once
 * the web server has started.
 */
@Component
class LoopbackApi implements ApplicationListener<WebServerInitializedEvent> {

    private final URI configured;
    private final String host;
    private volatile URI own;

    LoopbackApi(McpProperties properties, ServerProperties server) {
        this.configured = properties.apiUrl();
        if (configured == null && server.getSsl() != null && server.getSsl().isEnabled()) {
            // the loopback URL is plain http; every tool would fail with UNAVAILABLE rather than this saying why
            throw new IllegalStateException("the server serves only TLS (server.ssl.enabled), so the MCP tools cannot "
                    + "call its API on http://127.0.0.1: set antechamber.mcp.api-url to the https URL they should use");
        }
        InetAddress address = server.getAddress();
        this.host = address == null || address.isAnyLocalAddress() ? "127.0.0.1"
                : address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
                : address.getHostAddress();
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the management server, when it has a port of its own, has a namespace; the API's server has none
        if (event.getApplicationContext().getServerNamespace() == null) {
            own = URI.create("http://" + host + ":" + event.getWebServer().getPort());
        }
    }

    URI baseUrl() {
        if (configured != null) {
            return configured;
        }
        URI url = own;
        if (url == null) {
            throw new IllegalStateException("the web server has not started yet");
        }
        return url;
    }
}
