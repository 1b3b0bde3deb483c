package io.antechamber.mcp;

import java.util.ArrayList;
import java.util.List;

/** Every tool the MCP server offers, in the order a model meets them: rooms, approval, tasks, threads. */
public final class AgentTools {

    private AgentTools() {
    }

    public static List<AgentTool> all() {
        List<AgentTool> tools = new ArrayList<>();
        tools.add(RoomTools.listRooms());
        tools.addAll(ApprovalTools.all());
        tools.addAll(TaskTools.all());
        tools.addAll(ThreadTools.all());
        return List.copyOf(tools);
    }
}
