package io.antechamber.mcp;

import io.antechamber.client.AntechamberClient;

/** A tool's work, done through the API as the calling agent; refusals surface as the client's exceptions. */
@FunctionalInterface
interface ToolHandler {

    ToolOutcome call(AntechamberClient client, Arguments arguments);
}
