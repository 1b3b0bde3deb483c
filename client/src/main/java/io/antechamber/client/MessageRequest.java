package io.antechamber.client;

import java.util.List;
import java.util.Map;

/** A thread message to post: {@code type} {@code comment}, {@code question} or {@code escalation}. */
public record MessageRequest(String type, String content, Map<String, Object> metadata,
        List<Attachment> attachments) {

    public static MessageRequest comment(String content) {
        return new MessageRequest("comment", content, null, null);
    }

    public static MessageRequest question(String content) {
        return new MessageRequest("question", content, null, null);
    }

    public static MessageRequest escalation(String content) {
        return new MessageRequest("escalation", content, null, null);
    }
}
