package io.antechamber.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A thread message. {@code type}: {@code comment}, {@code question}, {@code escalation} (posted by clients),
 * {@code status_change}, {@code result}, {@code decision} (written by the server).
 */
public record Message(String id, String checkInId, String type, Actor author, String content,
        Map<String, Object> metadata, List<Attachment> attachments, Instant createdAt) {
}
