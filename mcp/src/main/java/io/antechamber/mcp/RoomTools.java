package io.antechamber.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Where an agent can act: the rooms of its organization. */
final class RoomTools {

    private RoomTools() {
    }

    static AgentTool listRooms() {
        Tool tool = Tool.builder()
                .name("list_rooms")
                .title("List rooms")
                .description("""
                        List the rooms of your organization: a room is where you ask for approval and find tasks, \
                        and the other tools take its slug as "room". You can act only in rooms you are a member of \
                        (FORBIDDEN otherwise). Returns {data: [{id, slug, name, description, ...}]}.""")
                .inputSchema(Schema.object(Schema.properties(), List.of()))
                .outputSchema(Schema.anyObject())
                .annotations(Schema.annotations(true, true))
                .build();
        return new AgentTool(tool, (client, arguments) -> {
            JsonNode rooms = client.json().valueToTree(client.rooms().list());
            String summary = rooms.isEmpty() ? "no rooms." : StreamSupport.stream(rooms.spliterator(), false)
                    .map(room -> "- " + room.path("slug").asText() + ": " + room.path("name").asText())
                    .collect(Collectors.joining("\n"));
            return new ToolOutcome(Map.of("data", rooms), summary);
        });
    }
}
