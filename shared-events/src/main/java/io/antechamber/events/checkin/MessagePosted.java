package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.MessageId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** A participant or a human of the room posted a message to a check-in's or task's thread. */
@Revision("1")
public record MessagePosted(CheckInId checkInId, RoomId roomId, OrgId orgId, MessageId messageId, Actor by, MessageType type, String content, Map<String, Object> metadata, List<Attachment> attachments, Instant at) implements CheckInEvent {
}
