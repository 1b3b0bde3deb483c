package io.antechamber.api.mcp;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MCP endpoint's settings.
 *
 * @param apiUrl where the tools call this server's own API, as the agent; unset: {@code http://127.0.0.1:<the port
 *               this server listens on>}. Set it when the server listens behind a path or only on TLS.
 */
@ConfigurationProperties("antechamber.mcp")
public record McpProperties(URI apiUrl) {
}
