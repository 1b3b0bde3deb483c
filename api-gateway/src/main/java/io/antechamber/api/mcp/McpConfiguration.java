package io.antechamber.api.mcp;

import io.antechamber.api.auth.BearerToken;
import io.antechamber.api.config.AntechamberProperties;
import io.antechamber.api.web.RequestIdFilter;
import io.antechamber.api.web.RequestPath;
import io.antechamber.mcp.McpServers;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server at {@code /mcp} (docs/mcp.md): the SDK's stateless Streamable HTTP transport as a servlet of its
 * own. Stateless because every request carries all it needs (the agent's key; the tools keep nothing between calls),
 * so any replica answers any request with no session affinity, as the API does. {@link McpAuthFilter} has checked
 * the key before a request reaches it.
 */
@Configuration
class McpConfiguration {

    private static final String CLIENT = LazyAgentClient.class.getName();

    @Bean
    HttpServletStatelessServerTransport mcpTransport(AgentClients clients, AntechamberProperties properties) {
        return HttpServletStatelessServerTransport.builder()
                .messageEndpoint(RequestPath.MCP)
                .maxRequestSize(properties.limits().maxBodyBytes())
                // on the request's thread, where RequestIdFilter has put the request's id in the MDC
                .contextExtractor(request -> McpTransportContext.create(BearerToken.of(request)
                        .<Map<String, Object>>map(key -> Map.of(CLIENT,
                                clients.forKey(key, RequestIdFilter.idFor(MDC.get(RequestIdFilter.MDC_KEY)))))
                        .orElse(Map.of())))
                .build();
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport) {
        return McpServers.stateless(transport, context -> ((LazyAgentClient) context.get(CLIENT)).get());
    }

    /** Takes the server so it is built, and has handed the transport its handler, before the servlet serves. */
    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
            HttpServletStatelessServerTransport transport, McpStatelessSyncServer server) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                new ServletRegistrationBean<>(transport, RequestPath.MCP);
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        return registration;
    }
}
