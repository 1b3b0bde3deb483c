package io.antechamber.client;

import java.util.List;
import java.util.Map;

/** A task's result: {@code content} is required; it is posted to the thread as a {@code result} message. */
public record SubmitRequest(String content, Map<String, Object> metadata, List<Attachment> attachments) {

    public static SubmitRequest of(String content) {
        return new SubmitRequest(content, null, null);
    }
}
