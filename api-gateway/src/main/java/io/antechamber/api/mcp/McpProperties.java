package io.antechamber.api.mcp;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The MCP endpoint's settings.
 *
 * @param apiUrl                where the tools call this server's own API, as the agent; unset: {@code
 *                              http://127.0.0.1:<the port this server listens on>}. Set it when the server listens
 *                              behind a path or only on TLS.
 * @param maxCallsPerCredential MCP requests one credential may have in flight at once on a replica; more get 429.
 *                              Below {@code waits.max-per-credential}, since each waiting tool call holds one of the
 *                              key's long-polls too: a key's tool calls are refused by this limit, as an HTTP 429 a
 *                              host reports, before they could use up the waits the key's direct calls need.
 * @param maxConcurrentCalls    MCP requests in flight at once on a replica, whoever sends them; more get 429. A
 *                              request holds a request thread for the whole tool call (up to 50 s for the waiting
 *                              tools) and its call to the API takes another, so this keeps most of the pool for the
 *                              API. Unset: a quarter of {@code server.tomcat.threads.max}.
 */
@ConfigurationProperties("antechamber.mcp")
public record McpProperties(URI apiUrl, @DefaultValue("10") int maxCallsPerCredential, Integer maxConcurrentCalls) {
}
