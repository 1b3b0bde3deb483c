package io.antechamber.api.checkin;

import java.util.List;
import java.util.Map;

/** The body of {@code POST /v1/check-ins/:id/submit}: the result, posted to the thread as a {@code result} message. */
public record SubmitRequest(String content, Map<String, Object> metadata, List<AttachmentRequest> attachments) {
}
