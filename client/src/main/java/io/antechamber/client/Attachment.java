package io.antechamber.client;

/** A link to a file attached to a message or result; {@code contentType} and {@code sizeBytes} are optional. */
public record Attachment(String name, String url, String contentType, Long sizeBytes) {

    public static Attachment of(String name, String url) {
        return new Attachment(name, url, null, null);
    }
}
