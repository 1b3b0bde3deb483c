package io.antechamber.mcp;

import io.antechamber.client.AntechamberClient;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;

/**
 * The MCP tools over stdio, for hosts that start a local process ({@code java -jar antechamber-mcp.jar}), acting as
 * the agent whose key is {@code ANTECHAMBER_AGENT_KEY} on the server at {@code ANTECHAMBER_URL}. Standard output
 * carries the protocol and nothing else; logs go to standard error.
 */
public final class StdioServer {

    static final String URL_VARIABLE = "ANTECHAMBER_URL";
    static final String KEY_VARIABLE = "ANTECHAMBER_AGENT_KEY";

    private StdioServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        AntechamberClient client = clientFrom(System.getenv(), System.err);
        if (client == null) {
            System.exit(2);
        }
        EndOfInput input = new EndOfInput(System.in);
        McpSyncServer server = McpServers.forOneAgent(
                new StdioServerTransportProvider(McpJsonDefaults.getMapper(), input, System.out), client);
        input.await();
        server.closeGracefully();
        System.exit(0);
    }

    /** The client the environment configures, or null after saying on {@code err} what is missing. */
    static AntechamberClient clientFrom(Map<String, String> environment, PrintStream err) {
        String url = environment.get(URL_VARIABLE);
        String key = environment.get(KEY_VARIABLE);
        if (url == null || url.isBlank() || key == null || key.isBlank()) {
            err.println("antechamber-mcp: set " + URL_VARIABLE + " (the server, e.g. http://localhost:8080) and "
                    + KEY_VARIABLE + " (the agent's API key, ak_...) in the environment of this process");
            return null;
        }
        URI base;
        try {
            base = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            err.println("antechamber-mcp: " + URL_VARIABLE + " is not a URL: " + url);
            return null;
        }
        if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme())) || base.getHost() == null) {
            err.println("antechamber-mcp: " + URL_VARIABLE + " must be an http or https URL, e.g. http://localhost:8080");
            return null;
        }
        return AntechamberClient.builder()
                .baseUrl(base)
                .apiKey(key.trim())
                .userAgent("antechamber-mcp/" + McpServers.version())
                .build();
    }
}
