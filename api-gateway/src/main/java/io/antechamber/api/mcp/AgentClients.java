package io.antechamber.api.mcp;

import io.antechamber.api.web.RequestIdFilter;
import io.antechamber.client.AntechamberClient;
import io.antechamber.mcp.McpServers;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The client an MCP request's tools act through: the calling agent's own key against this server's API, so a tool
 * does exactly what the API lets that agent do (authentication, room membership, idempotency, limits, read your
 * writes). One HTTP client serves them all; the key lives only as long as the request.
 */
@Component
class AgentClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final LoopbackApi api;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    AgentClients(LoopbackApi api) {
        this.api = api;
    }

    /**
     * The client of the agent with this key, built when first used; its calls carry {@code requestId}, the /mcp
     * request's own, so the API's log ties them to it.
     */
    LazyAgentClient forKey(String agentKey, String requestId) {
        return new LazyAgentClient(() -> AntechamberClient.builder()
                .baseUrl(api.baseUrl())
                .apiKey(agentKey)
                .httpClient(http)
                .userAgent("antechamber-mcp/" + McpServers.version())
                .header(RequestIdFilter.HEADER, requestId)
                .build());
    }
}
