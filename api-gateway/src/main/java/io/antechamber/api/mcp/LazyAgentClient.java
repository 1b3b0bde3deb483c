package io.antechamber.api.mcp;

import io.antechamber.client.AntechamberClient;
import java.util.function.Supplier;

/**
 * The client of one /mcp request's agent, built when a tool first asks for it: most requests (initialize,
 * tools/list, notifications) call no tool and need none. It holds the agent's key, so it never shows it.
 */
final class LazyAgentClient implements Supplier<AntechamberClient> {

    private final Supplier<AntechamberClient> build;
    private AntechamberClient client;

    LazyAgentClient(Supplier<AntechamberClient> build) {
        this.build = build;
    }

    @Override
    public synchronized AntechamberClient get() {
        if (client == null) {
            client = build.get();
        }
        return client;
    }

    @Override
    public String toString() {
        return "LazyAgentClient[key hidden]";
    }
}
