package io.antechamber.mcp;

import static io.antechamber.mcp.Inputs.ATTACHMENTS;
import static io.antechamber.mcp.Inputs.CHECK_IN_ID;
import static io.antechamber.mcp.Inputs.CURSOR;
import static io.antechamber.mcp.Inputs.LIMIT;
import static io.antechamber.mcp.Inputs.METADATA;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.client.AntechamberClient;
import io.antechamber.client.MessageRequest;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The conversation on a check-in or task: what people and agents said, and saying something. */
final class ThreadTools {

    private static final int SHOWN_CONTENT_CHARS = 300;

    private ThreadTools() {
    }

    static List<AgentTool> all() {
        return List.of(postMessage(), getThread());
    }

    static AgentTool postMessage() {
        Tool tool = Tool.builder()
                .name("post_message")
                .title("Post to a thread")
                .description("""
                        Post a message to the thread of a check-in or task you take part in: a comment (progress, \
                        context), a question (you need an answer from a person before going on) or an escalation \
                        (something is wrong and needs attention now). People of the room see it. Returns the \
                        message {id, check_in_id, type, author, content, metadata, attachments, created_at}.""")
                .inputSchema(Schema.object(Schema.properties(
                        CHECK_IN_ID, Inputs.checkInId("The check-in or task whose thread to post to."),
                        "type", Schema.enumeration("comment (default), question or escalation.",
                                List.of("comment", "question", "escalation")),
                        "content", Schema.string("The message text.", 1, ApiLimits.CONTENT_CHARS),
                        METADATA, Inputs.metadata("Structured data attached to the message."),
                        ATTACHMENTS, Inputs.attachments()),
                        List.of(CHECK_IN_ID, "content")))
                .outputSchema(Schema.anyObject())
                .annotations(Schema.annotations(false, false))
                .build();
        return new AgentTool(tool, (client, arguments) -> {
            MessageRequest request = new MessageRequest(arguments.optionalString("type").orElse("comment"),
                    arguments.string("content"), arguments.optionalObject(METADATA).orElse(null),
                    Inputs.attachments(arguments));
            JsonNode message = client.json().valueToTree(
                    client.messages().post(arguments.string(CHECK_IN_ID), request));
            return new ToolOutcome(message, "posted " + message.path("type").asText() + " "
                    + message.path("id").asText() + " to the thread of " + message.path("check_in_id").asText() + ".");
        });
    }

    static AgentTool getThread() {
        Tool tool = Tool.builder()
                .name("get_thread")
                .title("Read a thread")
                .description("""
                        Read a check-in or task and its thread: the check-in itself (status, decision, participants) \
                        and its messages, oldest first: comments, questions and escalations, the submitted result, \
                        the reviewers' decisions and every status change. Use it to catch up on what people said \
                        before you act or answer. Returns {check_in, messages: {data, cursor, has_more}}; with \
                        has_more true, pass cursor for the next page of messages.""")
                .inputSchema(Schema.object(Schema.properties(
                        CHECK_IN_ID, Inputs.checkInId("The check-in or task whose thread to read."),
                        LIMIT, Inputs.limit(),
                        CURSOR, Inputs.cursor()),
                        List.of(CHECK_IN_ID)))
                .outputSchema(Schema.anyObject())
                .annotations(Schema.annotations(true, true))
                .build();
        return new AgentTool(tool, ThreadTools::getThread);
    }

    private static ToolOutcome getThread(AntechamberClient client, Arguments arguments) {
        String id = arguments.string(CHECK_IN_ID);
        JsonNode checkIn = client.json().valueToTree(client.checkIns().get(id));
        JsonNode messages = client.json().valueToTree(client.messages().list(id, Inputs.page(arguments)));
        Map<String, Object> thread = new LinkedHashMap<>();
        thread.put("check_in", checkIn);
        thread.put("messages", messages);
        String summary = id + " (" + checkIn.path("status").asText() + "): " + checkIn.path("action").asText() + "\n"
                + StreamSupport.stream(messages.path("data").spliterator(), false)
                        .map(ThreadTools::line)
                        .collect(Collectors.joining("\n"))
                + (messages.path("has_more").asBoolean() ? "\nmore messages: call again with cursor "
                        + messages.path("cursor").asText() : "");
        return new ToolOutcome(thread, summary);
    }

    private static String line(JsonNode message) {
        String content = message.path("content").asText("");
        if (content.length() > SHOWN_CONTENT_CHARS) {
            content = content.substring(0, SHOWN_CONTENT_CHARS) + "...";
        }
        JsonNode author = message.path("author");
        return "- " + message.path("created_at").asText() + " " + message.path("type").asText() + " by "
                + author.path("type").asText() + " " + author.path("id").asText() + ": " + content;
    }
}
