package io.antechamber.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Answers a request whose params the SDK cannot read (missing, or a string where an object belongs) with the
 * JSON-RPC error "invalid params", as the protocol says. The SDK reads params before its own error handling starts,
 * so without this the failure escapes to its servlet, which answers 500 for what is the client's mistake. Only such
 * failures get here: whatever fails later is already a JSON-RPC error, and a tool call never fails ({@link AgentTool}).
 */
final class MalformedRequestGuard implements McpStatelessServerTransport {

    private final McpStatelessServerTransport transport;

    MalformedRequestGuard(McpStatelessServerTransport transport) {
        this.transport = transport;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        transport.setMcpHandler(new McpStatelessServerHandler() {
            @Override
            public Mono<JSONRPCResponse> handleRequest(McpTransportContext context, McpSchema.JSONRPCRequest request) {
                return Mono.defer(() -> handler.handleRequest(context, request))
                        .onErrorResume(RuntimeException.class, unreadable -> Mono.just(JSONRPCResponse.error(
                                request.id(), new JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_PARAMS,
                                        "invalid params for " + request.method(), null))));
            }

            @Override
            public Mono<Void> handleNotification(McpTransportContext context,
                    McpSchema.JSONRPCNotification notification) {
                return Mono.defer(() -> handler.handleNotification(context, notification))
                        .onErrorResume(RuntimeException.class, unreadable -> Mono.empty());
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return transport.closeGracefully();
    }

    @Override
    public List<String> protocolVersions() {
        return transport.protocolVersions();
    }
}
