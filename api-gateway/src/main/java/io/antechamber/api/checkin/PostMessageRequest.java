package io.antechamber.api.checkin;

import java.util.List;
import java.util.Map;

/** The body of {@code POST /v1/check-ins/:id/messages}. */
public record PostMessageRequest(String type, String content, Map<String, Object> metadata,
        List<AttachmentRequest> attachments) {
}
