package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** The primary submitted the task's result for a human to decide on. */
@Revision("1")
public record ResultSubmitted(CheckInId checkInId, RoomId roomId, OrgId orgId, Actor by, String content, Map<String, Object> metadata, List<Attachment> attachments, Instant at) implements TaskEvent {
}
