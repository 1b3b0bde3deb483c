package io.antechamber.mcp;

import static io.antechamber.mcp.Inputs.ATTACHMENTS;
import static io.antechamber.mcp.Inputs.CHECK_IN_ID;
import static io.antechamber.mcp.Inputs.CURSOR;
import static io.antechamber.mcp.Inputs.LIMIT;
import static io.antechamber.mcp.Inputs.METADATA;
import static io.antechamber.mcp.Inputs.ROOM;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.client.AntechamberClient;
import io.antechamber.client.SubmitRequest;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The human → agent side: tasks people post in a room, which an agent claims, gets help with and submits. */
final class TaskTools {

    private TaskTools() {
    }

    static List<AgentTool> all() {
        return List.of(listOpenTasks(), claimTask(), requestHelp(), joinTask(), submitResult());
    }

    static AgentTool listOpenTasks() {
        Tool tool = Tool.builder()
                .name("list_open_tasks")
                .title("List open tasks")
                .description("""
                        List the tasks people posted in a room that nobody has claimed yet, oldest first. Use it to \
                        find work; then claim_task the one you will do. Returns {data: [task...], cursor, has_more}; \
                        each task is a check-in with id, action (what to do), reason, metadata, urgency and \
                        expires_at. With has_more true, pass cursor to read the next page.""")
                .inputSchema(Schema.object(Schema.properties(
                        ROOM, Inputs.room(),
                        LIMIT, Inputs.limit(),
                        CURSOR, Inputs.cursor()),
                        List.of(ROOM)))
                .outputSchema(Schema.anyObject())
                .annotations(Schema.annotations(true, true))
                .build();
        return new AgentTool(tool, TaskTools::listOpenTasks);
    }

    private static ToolOutcome listOpenTasks(AntechamberClient client, Arguments arguments) {
        String room = arguments.string(ROOM);
        JsonNode page = client.json().valueToTree(client.tasks().listOpen(room, Inputs.page(arguments)));
        JsonNode tasks = page.path("data");
        String summary = tasks.isEmpty() ? "no open tasks in room " + room + "."
                : tasks.size() + " open task(s) in room " + room + ":\n"
                        + StreamSupport.stream(tasks.spliterator(), false)
                                .map(task -> "- " + task.path("id").asText() + " [" + task.path("urgency").asText()
                                        + "]: " + task.path("action").asText())
                                .collect(Collectors.joining("\n"))
                        + (page.path("has_more").asBoolean() ? "\nmore: call again with cursor "
                                + page.path("cursor").asText() : "");
        return new ToolOutcome(page, summary);
    }

    static AgentTool claimTask() {
        Tool tool = Tool.builder()
                .name("claim_task")
                .title("Claim a task")
                .description("""
                        Claim an open task (from list_open_tasks) so it is yours to do: you become its primary agent \
                        and nobody else can claim it. Fails with CONFLICT if it is no longer open (someone else \
                        claimed it: pick another). Returns the task (a check-in, status "claimed"). When the work is \
                        done, call submit_result; if you need another agent, request_help.""")
                .inputSchema(Schema.object(Schema.properties(
                        CHECK_IN_ID, Inputs.checkInId("The id of the open task to claim.")),
                        List.of(CHECK_IN_ID)))
                .outputSchema(Schema.anyObject())
                .annotations(Schema.annotations(false, false))
                .build();
        return new AgentTool(tool, (client, arguments) -> {
            JsonNode task = client.json().valueToTree(client.tasks().claim(arguments.string(CHECK_IN_ID)));
            return new ToolOutcome(task, "claimed task " + task.path("id").asText() + ": "
                    + task.path("action").asText() + ". It is yours: do it, then call submit_result.");
        });
    }

    static AgentTool requestHelp() {
        Tool tool = Tool.builder()
                .name("request_help")
                .title("Request help on a task")
                .description("""
                        Ask other agents of the room to help with a task you claimed (you must be its primary \
                        agent). They see the request and can join_task as helpers. Returns the task (a check-in).""")
                .inputSchema(Schema.object(Schema.properties(
                        CHECK_IN_ID, Inputs.checkInId("The id of the task you claimed."),
                        "description", Schema.string("What help you need, e.g. \"review the SQL migration\".", 1,
                                ApiLimits.REASON_CHARS)),
                        List.of(CHECK_IN_ID)))
                .outputSchema(Schema.anyObject())
                .annotations(Schema.annotations(false, false))
                .build();
        return new AgentTool(tool, (client, arguments) -> {
            JsonNode task = client.json().valueToTree(client.tasks().requestHelp(arguments.string(CHECK_IN_ID),
                    arguments.optionalString("description").orElse(null)));
            return new ToolOutcome(task, "help requested on task " + task.path("id").asText()
                    + "; other agents of the room can now join it.");
        });
    }

    static AgentTool joinTask() {
        Tool tool = Tool.builder()
                .name("join_task")
                .title("Join a task as a helper")
                .description("""
                        Join a task another agent claimed and asked help for (request_help), as a helper: you can \
                        then post to its thread (post_message). CONFLICT if no help was requested or you already \
                        take part. Returns the task (a check-in) with its participants.""")
                .inputSchema(Schema.object(Schema.properties(
                        CHECK_IN_ID, Inputs.checkInId("The id of the task to help with.")),
                        List.of(CHECK_IN_ID)))
                .outputSchema(Schema.anyObject())
                .annotations(Schema.annotations(false, false))
                .build();
        return new AgentTool(tool, (client, arguments) -> {
            JsonNode task = client.json().valueToTree(client.tasks().join(arguments.string(CHECK_IN_ID)));
            return new ToolOutcome(task, "joined task " + task.path("id").asText() + " as a helper: "
                    + task.path("action").asText());
        });
    }

    static AgentTool submitResult() {
        Tool tool = Tool.builder()
                .name("submit_result")
                .title("Submit a task's result")
                .description("""
                        Hand in the result of a task you claimed (you must be its primary agent): posts it to the \
                        task's thread and moves the task to "submitted" for a human to review. Then call \
                        await_decision with the task's id: approved means done, rejected means not accepted, and \
                        status "claimed" with decision.modifications means changes were requested: rework and \
                        submit again. Returns the task (a check-in).""")
                .inputSchema(Schema.object(Schema.properties(
                        CHECK_IN_ID, Inputs.checkInId("The id of the task you claimed."),
                        "content", Schema.string("The result: what you did and what came out of it.", 1,
                                ApiLimits.CONTENT_CHARS),
                        METADATA, Inputs.metadata("Structured facts about the result, e.g. {\"pr_url\": \"...\"}."),
                        ATTACHMENTS, Inputs.attachments()),
                        List.of(CHECK_IN_ID, "content")))
                .outputSchema(Schema.anyObject())
                .annotations(Schema.annotations(false, false))
                .build();
        return new AgentTool(tool, (client, arguments) -> {
            SubmitRequest request = new SubmitRequest(arguments.string("content"),
                    arguments.optionalObject(METADATA).orElse(null), Inputs.attachments(arguments));
            JsonNode task = client.json().valueToTree(client.tasks().submit(arguments.string(CHECK_IN_ID), request));
            return new ToolOutcome(task, "submitted the result of task " + task.path("id").asText()
                    + "; it waits for review. Call await_decision with check_in_id " + task.path("id").asText()
                    + " to learn the outcome.");
        });
    }
}
