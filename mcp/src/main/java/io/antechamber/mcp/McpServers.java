package io.antechamber.mcp;

import io.antechamber.client.AntechamberClient;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.util.List;
import java.util.function.Function;

/**
 * The MCP server of Antechamber on either transport, offering {@link AgentTools#all()}: stateless over Streamable
 * HTTP, where each call brings its caller and gets a client of its own, and over stdio, with the one agent's client.
 */
public final class McpServers {

    public static final String NAME = "antechamber";
    static final String INSTRUCTIONS = """
            Antechamber is where an AI agent checks in with humans before acting. Before any action that is risky, \
            irreversible, costly or visible to others, call request_approval and act only on "approved" (as asked) or \
            "modified" (with the modifications applied); on "pending" call await_decision with the check_in_id. \
            Humans also post tasks: list_open_tasks, claim_task, then submit_result and await_decision for the review. \
            Rooms are named by slug (list_rooms). Every failure is a tool error with the API's code, e.g. FORBIDDEN \
            (not a member of the room), NOT_FOUND, CONFLICT (wrong state), VALIDATION_ERROR (names the argument).""";

    private static final ServerCapabilities TOOLS_ONLY = ServerCapabilities.builder().tools(false).build();

    private McpServers() {
    }

    /**
     * Every tool as one transport's specification. The two servers' builders share no type in the SDK, so their few
     * settings are written out in each.
     */
    private static <T> List<T> specifications(Function<AgentTool, T> specification) {
        return AgentTools.all().stream().map(specification).toList();
    }

    /** The version of this module's jar, as its manifest says; "dev" when run from classes. */
    public static String version() {
        String version = McpServers.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /**
     * A stateless server: any replica answers any request, since nothing is kept between them. {@code clients} makes
     * the client of the agent whose request it is from the transport context.
     */
    public static McpStatelessSyncServer stateless(McpStatelessServerTransport transport,
            Function<McpTransportContext, AntechamberClient> clients) {
        return McpServer.sync(new MalformedRequestGuard(transport))
                .serverInfo(NAME, version())
                .instructions(INSTRUCTIONS)
                .capabilities(TOOLS_ONLY)
                // the tools check their arguments against the same schemas, answering the API's VALIDATION_ERROR
                .validateToolInputs(false)
                // a tool call runs on the request's own thread: offloaded, it would take one of Reactor's shared
                // boundedElastic threads (10 per core) for up to 50 s, and one agent's waits could stall everyone's
                .immediateExecution(true)
                .tools(specifications(tool -> McpStatelessServerFeatures.SyncToolSpecification.builder()
                        .tool(tool.definition())
                        .callHandler((context, request) -> tool.call(clients.apply(context), request.arguments()))
                        .build()))
                .build();
    }

    /**
     * A server for one session with one agent (stdio): every call acts as that agent. Its tool calls stay offloaded
     * from the transport's single reading thread, so a waiting call does not hold up the host's other calls.
     */
    public static McpSyncServer forOneAgent(McpServerTransportProvider transport, AntechamberClient client) {
        return McpServer.sync(transport)
                .serverInfo(NAME, version())
                .instructions(INSTRUCTIONS)
                .capabilities(TOOLS_ONLY)
                .validateToolInputs(false)
                .tools(specifications(tool -> McpServerFeatures.SyncToolSpecification.builder()
                        .tool(tool.definition())
                        .callHandler((exchange, request) -> tool.call(client, request.arguments()))
                        .build()))
                .build();
    }
}
