package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.MessageId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One message of a check-in's or task's thread, as the thread view keeps it. */
public record ThreadMessage(MessageId id, CheckInId checkInId, MessageType type, Actor author, String content,
        Map<String, Object> metadata, List<Attachment> attachments, Instant createdAt) {
}
