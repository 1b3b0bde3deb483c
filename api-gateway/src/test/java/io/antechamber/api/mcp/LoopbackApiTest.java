package io.antechamber.api.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.server.Ssl;

/** A server that serves only TLS cannot be called on plain loopback http: it says so at startup, naming the fix. */
class LoopbackApiTest {

    @Test
    void a_tls_only_server_without_an_api_url_refuses_to_start_naming_the_setting() {
        assertThatThrownBy(() -> new LoopbackApi(new McpProperties(null, 10, null), tlsOnly()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("antechamber.mcp.api-url");
    }

    @Test
    void with_an_api_url_a_tls_only_server_uses_it() {
        URI url = URI.create("https://antechamber.example");
        assertThat(new LoopbackApi(new McpProperties(url, 10, null), tlsOnly()).baseUrl()).isEqualTo(url);
    }

    private static ServerProperties tlsOnly() {
        ServerProperties server = new ServerProperties();
        Ssl ssl = new Ssl();
        ssl.setEnabled(true);
        server.setSsl(ssl);
        return server;
    }
}
