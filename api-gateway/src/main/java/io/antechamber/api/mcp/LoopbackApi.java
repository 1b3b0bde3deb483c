package io.antechamber.api.mcp;

import java.net.URI;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Where the MCP tools reach this server's API: {@code antechamber.mcp.api-url}, else this replica itself on the
 * loopback address and the port it listens on, known once the web server has started.
 */
@Component
class LoopbackApi implements ApplicationListener<WebServerInitializedEvent> {

    private final URI configured;
    private volatile URI own;

    LoopbackApi(McpProperties properties) {
        this.configured = properties.apiUrl();
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // the management server, when it has a port of its own, has a namespace; the API's server has none
        if (event.getApplicationContext().getServerNamespace() == null) {
            own = URI.create("http://127.0.0.1:" + event.getWebServer().getPort());
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
