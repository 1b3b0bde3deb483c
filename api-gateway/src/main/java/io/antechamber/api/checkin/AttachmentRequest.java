package io.antechamber.api.checkin;

/** One attachment of a submitted result or a message: a link to a file, not the file. */
public record AttachmentRequest(String name, String url, String contentType, Long sizeBytes) {
}
