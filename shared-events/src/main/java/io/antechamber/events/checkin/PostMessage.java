package io.antechamber.events.checkin;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.MessageId;
import io.antechamber.events.common.OrgId;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PostMessage(@TargetAggregateIdentifier CheckInId checkInId, OrgId orgId, Actor by, MessageId messageId, MessageType type, String content, Map<String, Object> metadata, List<Attachment> attachments) {
}
