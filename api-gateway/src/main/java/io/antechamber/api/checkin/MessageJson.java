package io.antechamber.api.checkin;

import io.antechamber.events.checkin.Attachment;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.checkin.ThreadMessage;
import io.antechamber.events.common.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A thread message as API.md has it. */
public record MessageJson(String id, String checkInId, String type, Actor author, String content,
        Map<String, Object> metadata, List<Attachment> attachments, Instant createdAt) {

    public static MessageJson of(ThreadMessage m) {
        return new MessageJson(m.id().value(), m.checkInId().value(), m.type().wire(), m.author(), m.content(),
                m.metadata(), m.attachments(), m.createdAt());
    }

    public static MessageJson of(MessagePosted e) {
        return new MessageJson(e.messageId().value(), e.checkInId().value(), e.type().wire(), e.by(), e.content(),
                e.metadata(), e.attachments(), e.at());
    }
}
