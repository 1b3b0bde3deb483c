package io.antechamber.events.checkin;

/** A file a message points to; the content stays where {@code url} says. */
public record Attachment(String name, String url, String contentType, Long sizeBytes) {
}
